import { join } from 'node:path';
import { DynamicModule, Module } from '@nestjs/common';
import { subgraphAppModule, type SubgraphDefinition, type SubgraphRuntime } from '@pc/subgraph';
import { Attachment } from './attachment/attachment.entity';
import { Complaint } from './complaint/complaint.entity';
import { ComplaintModule } from './complaint/complaint.module';
import { ContactLogEntry } from './contact-log/contact-log.entity';
import { ContactLogModule } from './contact-log/contact-log.module';
import { CUSTOMER_ENTITIES } from './customer/customer.entities';
import { CustomerModule } from './customer/customer.module';
import { RESIDENT_ENTITIES } from './resident/resident.entities';
import { ResidentModule } from './resident/resident.module';
import { Inquiry } from './inquiry/inquiry.entity';
import { InquiryModule } from './inquiry/inquiry.module';
import { intakeMigrations } from './migrations';
import { REGISTRY_ENTITIES } from './registry/registry.entities';
import { RegistryModule } from './registry/registry.module';
import { RELATIONSHIP_ENTITIES } from './relationship/relationship.entities';
import { RelationshipModule } from './relationship/relationship.module';
import { ServiceRequest } from './service-request/service-request.entity';
import { ServiceRequestModule } from './service-request/service-request.module';

export const INTAKE: SubgraphDefinition = {
  service: 'intake',
  entities: [
    ...REGISTRY_ENTITIES,
    Complaint,
    Attachment,
    ContactLogEntry,
    Inquiry,
    ServiceRequest,
    ...CUSTOMER_ENTITIES,
    ...RESIDENT_ENTITIES,
    ...RELATIONSHIP_ENTITIES,
  ],
  migrations: intakeMigrations,
  migrationsFolder: join(__dirname, 'migrations'),
};

@Module({})
export class IntakeAppModule {
  static forRoot(rt: SubgraphRuntime): DynamicModule {
    return subgraphAppModule(IntakeAppModule, INTAKE, rt, [
      RegistryModule,
      ComplaintModule,
      ContactLogModule,
      InquiryModule,
      ServiceRequestModule,
      CustomerModule,
      ResidentModule,
      RelationshipModule,
    ]);
  }
}
