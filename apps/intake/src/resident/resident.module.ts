import { Module } from '@nestjs/common';
import { ResidentLinkMessages } from './resident-messages';
import { ResidentResolver } from './resident.resolver';
import { ResidentCases } from './resident.service';

/** The resident page's links, case view and answers (issue 30). */
@Module({ providers: [ResidentCases, ResidentResolver, ResidentLinkMessages] })
export class ResidentModule {}
