import { Module } from '@nestjs/common';
import { EmergencyResolver, RecordEmergencyReview, ReportEmergency } from './emergency';

@Module({ providers: [ReportEmergency, RecordEmergencyReview, EmergencyResolver] })
export class EmergencyModule {}
