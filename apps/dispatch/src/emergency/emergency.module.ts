import { Module } from '@nestjs/common';
import { DirectoryModule } from '@pc/subgraph';
import { EmergencyResolver } from './emergency.resolver';
import { RecordEmergencyReview } from './record-emergency-review.usecase';
import { ReportEmergency } from './report-emergency.usecase';

@Module({ imports: [DirectoryModule.forRoot()], providers: [ReportEmergency, RecordEmergencyReview, EmergencyResolver] })
export class EmergencyModule {}
