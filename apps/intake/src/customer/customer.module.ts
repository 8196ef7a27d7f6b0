import { Module } from '@nestjs/common';
import { AttachmentModule } from '../attachment/attachment.module';
import { ComplaintModule } from '../complaint/complaint.module';
import { InquiryModule } from '../inquiry/inquiry.module';
import { Claims } from './claims.usecase';
import { RecordUnitHolding, TagKeyCustomer } from './customer-file.usecases';
import { CustomerFileResolver } from './customer-file.resolver';
import { Visits } from './visits.usecase';
import { VisitsResolver } from './visits.resolver';

/** Customers and the relationship (domain.md §7): files, units held, key customers, claims, visits. */
@Module({
  imports: [AttachmentModule, ComplaintModule, InquiryModule],
  providers: [CustomerFileResolver, RecordUnitHolding, TagKeyCustomer, Claims, Visits, VisitsResolver],
})
export class CustomerModule {}
