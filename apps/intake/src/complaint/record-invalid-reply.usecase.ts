import { Injectable } from '@nestjs/common';
import { ComplaintClosed, SlaClock } from '@pc/contracts';
import { TransactionalOutbox } from '@pc/messaging';
import { Clock, conflict, invalidInput, notInFuture, scopeOf } from '@pc/platform';
import { ComplaintAction, canDoToComplaint } from './complaint-lifecycle';
import { Complaint } from './complaint.entity';
import type { RecordInvalidReplyCommand } from './commands/complaint.commands';

/**
 * domain.md §1: an invalid complaint is closed only once its patient, reasoned reply is recorded.
 * The INVALID_REPLY clock (1 working day) is met, or breached at its due time when the reply is late.
 */
@Injectable()
export class RecordInvalidReply {
  constructor(
    private readonly tx: TransactionalOutbox,
    private readonly clock: Clock,
  ) {}

  execute(c: RecordInvalidReplyCommand): Promise<Complaint> {
    const { actor: user, ...input } = c;
    return this.tx.by(user).run(async (em, events) => {
      const complaint = await scopeOf(user).load(em, Complaint, input.complaintId, 'complaint');
      if (!canDoToComplaint(complaint.status, ComplaintAction.REPLY_TO_INVALID)) {
        throw conflict(
          `complaint ${complaint.id} is ${complaint.status}; only an invalid complaint awaiting its reply can be answered so`,
          'complaintId',
        );
      }
      const now = this.clock.now();
      const repliedAt = notInFuture('repliedAt', input.repliedAt, now);
      if (repliedAt.getTime() < complaint.receivedAt.getTime()) {
        throw invalidInput('repliedAt', 'must not be before the complaint was received');
      }

      complaint.replyToInvalid(input.reply, input.repliedVia, repliedAt);
      const late = repliedAt.getTime() > complaint.replyDueAt.getTime();
      events.publish(ComplaintClosed, {
        orgId: complaint.orgId,
        siteId: complaint.siteId,
        complaintId: complaint.id,
        closedAt: now.toISOString(),
        closedBy: user.sub,
        deadline: {
          clock: SlaClock.INVALID_REPLY,
          dueAt: complaint.replyDueAt.toISOString(),
          metAt: repliedAt.toISOString(),
          breachedAt: late ? complaint.replyDueAt.toISOString() : undefined,
        },
      });
      return complaint;
    });
  }
}
