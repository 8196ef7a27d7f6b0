import { Module } from '@nestjs/common';
import { ComplaintEventsConsumer } from './complaint-events.consumer';
import { ComplaintResolver } from './complaint.resolver';
import { FileComplaint } from './file-complaint.usecase';

@Module({ providers: [FileComplaint, ComplaintResolver, ComplaintEventsConsumer] })
export class ComplaintModule {}
