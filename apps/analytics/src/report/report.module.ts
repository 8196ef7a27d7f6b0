import { Module } from '@nestjs/common';
import { FactProjector } from './fact-projector';
import { ReportResolver } from './report.resolver';

@Module({ providers: [FactProjector, ReportResolver] })
export class ReportModule {}
