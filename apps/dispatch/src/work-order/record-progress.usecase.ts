import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { SlaClock, WorkOrderStep } from '@pc/contracts';
import { notInFuture } from '@pc/platform';
import type { RecordProgressCommand } from './commands/work-order.commands';
import { assertHandles } from './work-order.access';
import { announceContact, workOrderCase } from './customer-contact';
import { ProgressPhotos } from '../photo/progress-photos';
import { ProgressNote } from './work-order.entity';
import { WorkOrderCommand, type WorkOrderView } from './work-order-command';

/**
 * A progress note. When it says the customer was informed, that is the reply (REPLY) and, for a
 * minor complaint, the feedback within 24 hours (FEEDBACK) — each met at the time the customer was told.
 */
@Injectable()
export class RecordProgress {
  constructor(
    private readonly command: WorkOrderCommand,
    private readonly photos: ProgressPhotos,
  ) {}

  async execute(c: RecordProgressCommand): Promise<WorkOrderView> {
    await this.photos.awaitKnown(c.attachments ?? []);
    return this.command.run(c.actor, c.workOrderId, WorkOrderStep.PROGRESS_RECORDED, async ({ em, events, wo, book, now }) => {
      if (wo.handlerId !== c.actor.sub) assertHandles(c.actor, wo, 'record its progress');
      wo.recordProgress();
      if (c.customerInformed) wo.assertMayReply('customerInformed');
      const informedAt = c.customerInformed ? notInFuture('customerInformed.at', c.customerInformed.at, now) : null;
      const noteId = randomUUID();
      const attachments = await this.photos.take(em, wo, c.attachments ?? []);
      em.persist(
        em.create(ProgressNote, {
          id: noteId,
          workOrderId: wo.id,
          note: c.note,
          by: c.actor.sub,
          at: now,
          customerInformedAt: informedAt,
          customerInformedVia: c.customerInformed?.via ?? null,
          attachments,
        }),
      );
      if (informedAt) {
        book.meet([SlaClock.REPLY, SlaClock.FEEDBACK], informedAt);
        announceContact(events, workOrderCase(wo), {
          sourceId: noteId,
          via: c.customerInformed!.via,
          answered: c.note,
          by: c.actor.sub,
          at: informedAt,
        });
      }
    });
  }
}
