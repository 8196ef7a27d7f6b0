import { Injectable } from '@nestjs/common';
import { NotificationAcknowledged } from '@pc/contracts';
import { TransactionalOutbox } from '@pc/messaging';
import { Clock, notFound, scopeOf, type AuthUser } from '@pc/platform';
import { Notification } from './notification.entity';

/**
 * The recipient acknowledges a message (the console's one click, or the signed link in an e-mail).
 * Someone else's message, or another organisation's, is "not found". Announced as
 * `notification.acknowledged` (dispatch meets REPORT_TO_HEAD with the head's acknowledgement of a
 * major complaint); acknowledging twice changes nothing and announces nothing.
 */
@Injectable()
export class AcknowledgeNotification {
  constructor(
    private readonly tx: TransactionalOutbox,
    private readonly clock: Clock,
  ) {}

  execute(c: { actor: AuthUser | { sub: string; org: string }; id: string; viaLink?: boolean }): Promise<Notification> {
    return this.tx.by(c.actor.sub, c.viaLink ? { channel: 'EMAIL' } : {}).run(async (em, events) => {
      const n = await em.findOne(Notification, { id: c.id, orgId: c.actor.org, recipientId: c.actor.sub });
      if (!n || ('roles' in c.actor && !scopeOf(c.actor).canSee(n.siteId))) throw notFound('notification', c.id);
      if (n.acknowledgedAt) return n;
      const now = this.clock.now();
      n.acknowledgedAt = now;
      n.readAt ??= now;
      events.publish(NotificationAcknowledged, {
        orgId: n.orgId,
        siteId: n.siteId,
        complaintId: n.complaintId ?? undefined,
        notificationId: n.id,
        kind: n.kind,
        recipientId: n.recipientId,
        recipientRoles: n.recipientRoles,
        createdAt: n.createdAt.toISOString(),
        acknowledgedAt: now.toISOString(),
      });
      return n;
    });
  }
}
