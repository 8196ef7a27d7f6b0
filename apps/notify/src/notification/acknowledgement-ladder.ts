import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { NotificationKind } from '@pc/contracts';
import { claimLock, type EventWriter, type TimerSource } from '@pc/messaging';
import { Notification } from './notification.entity';
import { Notifier } from './notifier';
import { nextLadderStep } from './notify-rules';

/**
 * The acknowledgement ladder (domain.md §6): a message that must be acknowledged and is not, by its
 * time, goes to the ladder's next step (the duty director, then leadership) as UNACKNOWLEDGED, which
 * must be acknowledged in its turn. Claimed with row locks in the scheduler's transaction: each step
 * is taken once, across replicas and restarts, and never before its time (the injected clock).
 */
@Injectable()
export class AcknowledgementLadder implements TimerSource {
  readonly name = 'acknowledgement ladder';
  constructor(private readonly notifier: Notifier) {}

  async fireDue(em: EntityManager, _events: EventWriter, now: Date, limit: number): Promise<number> {
    const due = await em.find(
      Notification,
      { ackDueAt: { $lte: now }, acknowledgedAt: null, escalatedAt: null },
      { orderBy: { ackDueAt: 'asc' }, limit, lockMode: claimLock(em) },
    );
    for (const n of due) {
      n.escalatedAt = now;
      // the same source told to anyone who acknowledged already: the ladder stops
      const sourceRoot = n.sourceKey.replace(/\|ladder:\d+$/, '');
      const family = [sourceRoot, ...n.ladder.map((_, i) => `${sourceRoot}|ladder:${i}`)];
      const acknowledged = await em.count(Notification, { sourceKey: { $in: family }, acknowledgedAt: { $ne: null } });
      if (acknowledged) continue;
      const ctx = await this.notifier.context(em, n.orgId, n.siteId, n.complaintId, now);
      const next = nextLadderStep(n.ladder, n.ladderStep, ctx);
      if (!next) continue;
      const sourceKey = `${sourceRoot}|ladder:${next.step}`;
      for (const recipientId of next.people) {
        await this.notifier.write(
          em,
          {
            kind: NotificationKind.UNACKNOWLEDGED,
            orgId: n.orgId,
            siteId: n.siteId,
            complaintId: n.complaintId,
            workOrderId: n.workOrderId,
            sourceKey,
            at: now,
            title: `Not acknowledged in time: ${n.title}`,
            body: `${n.body}. Nobody acknowledged it within ${n.ackWithinMinutes ?? 0} minutes; it comes to you now.`,
          },
          recipientId,
          ctx,
          { ackRequired: true, ackWithinMinutes: n.ackWithinMinutes ?? 10, ladder: n.ladder, ladderStep: next.step + 1 },
        );
      }
    }
    return due.length;
  }
}
