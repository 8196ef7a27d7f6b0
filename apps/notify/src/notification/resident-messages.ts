import { randomUUID } from 'node:crypto';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import {
  DeliveryChannel,
  DeliveryStatus,
  NotificationKind,
  ResidentMessageRequested,
  type ResidentMessageRequestedV1,
} from '@pc/contracts';
import { EventConsumers, on } from '@pc/messaging';
import { ServiceConfig } from '@pc/platform';
import { KnownSite } from '@pc/subgraph';
import { releaseAfterQuietHours } from '../delivery/delivery-rules';
import { localTime } from '../duty/duty-rules';
import { Delivery, Notification, SiteChannel } from './notification.entity';
import { deliveryRow } from './notifier';

/** `RESIDENT_QUIET_HOURS` (`HH:MM-HH:MM`, or `none`) as the hours residents are not texted in. */
export const quietHoursOf = (setting: string): { start: string; end: string } | null => {
  const m = /^(\d\d:\d\d)-(\d\d:\d\d)$/.exec(setting);
  return m ? { start: m[1], end: m[2] } : null;
};

/** The recipient id of a resident's message (never a staff id: it never shows in anyone's console). */
export const residentRecipient = (customerId: string): string => `customer:${customerId}`;
/** The one message a group post of a notice hangs on. */
export const residentGroup = (siteId: string): string => `residents:${siteId}`;

/**
 * Rule (domain.md §7, notices and the resident link): a resident message becomes one notification per
 * resident (kind RESIDENT_MESSAGE, recipient `customer:<id>`) with an SMS delivery to their number,
 * sent outside the residents' quiet hours; a notice also becomes one post to each of the site's group
 * robots and webhooks of the chosen channels that take RESIDENT_MESSAGE. Once per source and recipient:
 * a message redelivered, or a notice's part sent again, adds nothing.
 */
export function residentMessageRows(
  p: ResidentMessageRequestedV1,
  at: Date,
  timeZone: string,
  told: Set<string>,
  robots: Pick<SiteChannel, 'id' | 'channel' | 'kinds'>[],
  quiet: { start: string; end: string } | null,
): { notifications: Notification[]; deliveries: Delivery[] } {
  // residents are not texted at night (RESIDENT_QUIET_HOURS, the site's time): the SMS waits until the morning
  const release = quiet ? releaseAfterQuietHours(at, localTime(at, timeZone).minute, quiet.start, quiet.end) : at;
  const notifications: Notification[] = [];
  const deliveries: Delivery[] = [];
  const message = (recipientId: string): Notification => ({
    id: randomUUID(),
    orgId: p.orgId,
    siteId: p.siteId,
    recipientId,
    kind: NotificationKind.RESIDENT_MESSAGE,
    title: p.title,
    body: p.body,
    complaintId: p.complaintId ?? null,
    workOrderId: null,
    sourceKey: p.sourceKey,
    createdAt: at,
    readAt: null,
    ackRequired: false,
    ackWithinMinutes: null,
    ackDueAt: null,
    acknowledgedAt: null,
    urgent: false,
    ladder: [],
    ladderStep: 0,
    escalatedAt: null,
    recipientRoles: [],
    link: p.link ?? null,
  });
  for (const r of p.recipients) {
    const id = residentRecipient(r.customerId);
    if (told.has(id)) continue;
    told.add(id);
    const n = message(id);
    notifications.push(n);
    deliveries.push(deliveryRow(n, DeliveryChannel.SMS, `phone:${r.phone}`, release, DeliveryStatus.PENDING));
  }
  const posts = robots.filter((c) => p.siteChannels.includes(c.channel) && c.kinds.includes(NotificationKind.RESIDENT_MESSAGE));
  if (posts.length && !told.has(residentGroup(p.siteId))) {
    const n = message(residentGroup(p.siteId));
    notifications.push(n);
    for (const c of posts) deliveries.push(deliveryRow(n, c.channel, `site-channel:${c.id}`, at, DeliveryStatus.PENDING));
  }
  return { notifications, deliveries };
}

/** Intake's messages to residents (`resident.message_requested`), written in the consumer's transaction with its inbox row. */
@Injectable()
export class ResidentMessagesConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly config: ServiceConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start([on(ResidentMessageRequested, async (p, _e, { em }) => this.write(em, p))]);
  }

  private async write(em: EntityManager, p: ResidentMessageRequestedV1): Promise<void> {
    // one after the other: the consumer's transaction has one connection
    const told = await em.find(Notification, { sourceKey: p.sourceKey }, { fields: ['recipientId'] });
    const site = await em.findOne(KnownSite, { siteId: p.siteId });
    const robots = p.siteChannels.length ? await em.find(SiteChannel, { orgId: p.orgId, siteId: p.siteId }) : [];
    const { notifications, deliveries } = residentMessageRows(
      p,
      new Date(p.at),
      site?.timeZone ?? 'Asia/Shanghai',
      new Set(told.map((n) => n.recipientId)),
      robots,
      quietHoursOf(this.config.RESIDENT_QUIET_HOURS),
    );
    if (notifications.length) await em.insertMany(Notification, notifications);
    if (deliveries.length) await em.insertMany(Delivery, deliveries);
  }
}
