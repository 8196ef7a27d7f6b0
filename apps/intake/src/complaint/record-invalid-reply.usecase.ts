import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { Channel, ComplaintClosed, ContactSource, Role, SlaClock } from '@pc/contracts';
import { TransactionalOutbox } from '@pc/messaging';
import { AuthUser, Clock, conflict, hasAnyRole, invalidInput, notInFuture, scopeOf } from '@pc/platform';
import { logContact } from '../contact-log/contact-log';
import { StaffUser } from '../registry/registry.entities';
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

      await assertLetterReplyApproved(em, user, complaint, input.approvedBy);
      complaint.replyToInvalid(input.reply, input.repliedVia, repliedAt);
      await logContact(em, {
        orgId: complaint.orgId,
        siteId: complaint.siteId,
        customerId: complaint.customerId,
        caseId: complaint.id,
        channel: input.repliedVia,
        asked: complaint.description,
        answered: input.reply,
        by: user.sub,
        at: repliedAt,
        source: ContactSource.COMPLAINT,
        sourceId: `${complaint.id}:reply`,
      });
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

/**
 * Rule "a letter is answered only after leadership approves the reply" (seeds/004: 若投诉为函件形式的,
 * 经公司分管领导同意后,方可作出答复或复函): the reply to a letter is recorded by company leadership, or
 * names the active LEADERSHIP staff user who approved it.
 */
async function assertLetterReplyApproved(em: EntityManager, user: AuthUser, complaint: Complaint, approvedBy?: string): Promise<void> {
  if (complaint.channel !== Channel.LETTER || hasAnyRole(user, [Role.LEADERSHIP])) return;
  if (!approvedBy) {
    throw invalidInput(
      'approvedBy',
      'this complaint came as a letter: the reply needs the approval of company leadership (name who approved it)',
    );
  }
  const approver = await em.findOne(StaffUser, { id: approvedBy, orgId: user.org, active: true });
  if (!approver?.roles.includes(Role.LEADERSHIP)) {
    throw invalidInput('approvedBy', `${approvedBy} is not an active member of company leadership`);
  }
}
