import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ArchivePurged } from '@pc/contracts';
import { EventConsumers, on } from '@pc/messaging';
import { Complaint } from '../complaint/complaint.entity';
import { Attachment } from './attachment.entity';
import { AttachmentStore } from './attachment-store';

/**
 * Rule "a purged complaint's files are deleted with it" (issue 29): when analytics purges a closed
 * complaint's archive at the end of its two years (domain.md §5, `archive.purged`), its photos and
 * scans leave the store too (files and thumbnails), their records go, and the complaint no longer
 * lists them. The files go first: a store that fails leaves the message to be retried, and a retry
 * finds the files gone already (deleting a missing file is no error).
 */
@Injectable()
export class AttachmentPurgeConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: EventConsumers,
    @Inject(AttachmentStore) private readonly store: AttachmentStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start([
      on(ArchivePurged, async (p, _e, { em }) => {
        const rows = await em.find(Attachment, { complaintId: p.complaintId, orgId: p.orgId }, { fields: ['key', 'thumbnailKey'] });
        await this.store.remove(rows.flatMap((r) => [r.key, ...(r.thumbnailKey ? [r.thumbnailKey] : [])]));
        await em.nativeDelete(Attachment, { complaintId: p.complaintId, orgId: p.orgId });
        await em.nativeUpdate(Complaint, { id: p.complaintId, orgId: p.orgId }, { attachments: [] });
      }),
    ]);
  }
}
