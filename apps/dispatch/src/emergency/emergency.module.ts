import { Module } from '@nestjs/common';
import { EmergencyResolver } from './emergency.resolver';
import { RecordEmergencyReview, ReportEmergency } from './emergency.usecases';

@Module({ providers: [ReportEmergency, RecordEmergencyReview, EmergencyResolver] })
export class EmergencyModule {}
