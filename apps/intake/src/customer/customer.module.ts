import { Module } from '@nestjs/common';
import { AttachmentModule } from '../attachment/attachment.module';
import { Claims } from './claims.usecase';
import { RecordUnitHolding, TagKeyCustomer } from './customer-file.usecases';
import { CustomerFileResolver } from './customer-file.resolver';

/** Customers and the relationship (domain.md §7): files, units held, key customers, claims. */
@Module({ imports: [AttachmentModule], providers: [CustomerFileResolver, RecordUnitHolding, TagKeyCustomer, Claims] })
export class CustomerModule {}
