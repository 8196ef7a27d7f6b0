import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ArchivePurged, WorkOrderRecorded } from '@pc/contracts';
import { EventConsumers, on } from '@pc/messaging';
import { Complaint } from '../complaint/complaint.entity';
import { recordCaseProgress } from '../resident/case-progress';
import { Attachment } from './attachment.entity';
import { AttachmentStore } from './attachment-store';

/** What other services do with the store's files (issue 29). */
@Injectable()
export class AttachmentEventsConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: EventConsumers,
    @Inject(AttachmentStore) private readonly store: AttachmentStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start([
      // photos of a work order's progress (dispatch checked them against the keys issued) belong to the case:
      // those who see the case see them, the orphan sweep leaves them, the case's purge takes them;
      // and the lead work order's steps and clocks are what the resident page shows (one consumer per subject)
      on(WorkOrderRecorded, async (p, _e, { em }) => {
        await recordCaseProgress(em, p);
        const keys = [...new Set(p.progress.flatMap((n) => n.attachments ?? []))];
        if (!keys.length) return;
        await em.nativeUpdate(
          Attachment,
          { key: { $in: keys }, orgId: p.orgId, siteId: p.siteId, complaintId: null },
          { complaintId: p.complaintId },
        );
      }),
      /**
       * Rule "a purged complaint's files are deleted with it": when analytics purges a closed complaint's
       * archive at the end of its two years (domain.md §5, `archive.purged`), its photos and scans leave
       * the store (files and thumbnails), their records go, and the complaint lists none. The files go
       * first: a store that fails leaves the message to be retried, and a retry finds them gone already.
       */
      on(ArchivePurged, async (p, _e, { em }) => {
        const rows = await em.find(Attachment, { complaintId: p.complaintId, orgId: p.orgId }, { fields: ['key', 'thumbnailKey'] });
        await this.store.remove(rows.flatMap((r) => [r.key, ...(r.thumbnailKey ? [r.thumbnailKey] : [])]));
        await em.nativeDelete(Attachment, { complaintId: p.complaintId, orgId: p.orgId });
        await em.nativeUpdate(Complaint, { id: p.complaintId, orgId: p.orgId }, { attachments: [] });
      }),
    ]);
  }
}
