import { Module } from '@nestjs/common';
import { InquiryResolver } from './inquiry.resolver';
import { InquiryDesk } from './inquiry.usecases';

/** Inquiries and suggestions (咨询、建议, the suggestion box): answered on the spot or by the department that knows. */
@Module({ providers: [InquiryDesk, InquiryResolver], exports: [InquiryDesk] })
export class InquiryModule {}
