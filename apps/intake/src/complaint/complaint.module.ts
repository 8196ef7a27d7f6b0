import { Module } from '@nestjs/common';
import { AttachmentModule } from '../attachment/attachment.module';
import { ComplaintEventsConsumer } from './complaint-events.consumer';
import { ComplaintResolver } from './complaint.resolver';
import { FileComplaint } from './file-complaint.usecase';
import { ImportComplaints } from './import/import-complaints.usecase';
import { RecordInvalidReply } from './record-invalid-reply.usecase';

@Module({
  imports: [AttachmentModule],
  providers: [FileComplaint, ImportComplaints, RecordInvalidReply, ComplaintResolver, ComplaintEventsConsumer],
  exports: [FileComplaint],
})
export class ComplaintModule {}
