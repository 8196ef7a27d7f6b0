import { Module } from '@nestjs/common';
import { CustomerFileCallbacksResolver } from './customer-file.resolver';

/** The callback service's part of intake's customer file (domain.md §7): callbacks and survey answers. */
@Module({ providers: [CustomerFileCallbacksResolver] })
export class CustomerFileModule {}
