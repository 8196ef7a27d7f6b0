import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ServiceConfig } from '@pc/platform';
import { AttachmentEventsConsumer } from './attachment-events.consumer';
import { AttachmentRegister } from './attachment-register';
import { AttachmentStore, attachmentStoreFor } from './attachment-store';
import { AttachmentSweep } from './attachment-sweep';
import { AttachmentResolver } from './attachment.resolver';
import { AttachmentsController } from './attachments.controller';
import { UploadAttachment } from './upload-attachment.usecase';

/** Photos and files (issue 29): the upload endpoint, the store (local disk or S3), signed links, keys attached to cases. */
@Module({
  controllers: [AttachmentsController],
  providers: [
    { provide: AttachmentStore, inject: [ServiceConfig], useFactory: attachmentStoreFor },
    UploadAttachment,
    AttachmentRegister,
    AttachmentResolver,
    AttachmentSweep,
    AttachmentEventsConsumer,
  ],
  exports: [AttachmentRegister, AttachmentStore],
})
export class AttachmentModule implements OnApplicationShutdown {
  constructor(@Inject(AttachmentStore) private readonly store: AttachmentStore) {}

  onApplicationShutdown(): void {
    this.store.close();
  }
}
