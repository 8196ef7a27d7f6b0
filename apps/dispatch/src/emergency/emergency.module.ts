import { Module } from '@nestjs/common';
import { DirectoryModule } from '@pc/subgraph';
import { EmergencyResolver } from './emergency.resolver';
import { RecordEmergencyReview, ReportEmergency } from './emergency.usecases';

@Module({ imports: [DirectoryModule.forRoot()], providers: [ReportEmergency, RecordEmergencyReview, EmergencyResolver] })
export class EmergencyModule {}
