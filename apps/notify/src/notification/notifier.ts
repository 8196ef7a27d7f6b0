import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { DeliveryChannel, DeliveryStatus, NotificationKind, type Department } from '@pc/contracts';
import { KnownStaff } from '@pc/subgraph';
import { localTime } from '../duty/duty-rules';
import { DutyRoster } from '../duty/duty.service';
import { releaseAfterQuietHours } from '../delivery/delivery-rules';
import {
  CaseFile,
  DeadlineWatch,
  Delivery,
  Notification,
  NotificationPolicy,
  NotificationPreference,
  SiteChannel,
} from './notification.entity';
import {
  URGENT_KINDS,
  channelsFor,
  plansFor,
  resolveAudience,
  type AckOverrides,
  type Audience,
  type AudienceContext,
  type Trigger,
} from './notify-rules';

/** A trigger with what the message says and where it belongs. */
export interface Announcement extends Trigger {
  orgId: string;
  siteId: string;
  complaintId?: string | null;
  workOrderId?: string | null;
  /** Unique per event and rule step: with the recipient, what keeps a message once only. */
  sourceKey: string;
  title: string;
  body: string;
  at: Date;
}

/**
 * Turns announcements into messages: resolves the rules' audiences to people (directory, roster,
 * case), and writes one notification per person with its deliveries, in the caller's transaction.
 * A person already told from the same source is skipped, so a redelivered event adds nothing.
 */
@Injectable()
export class Notifier {
  constructor(private readonly roster: DutyRoster) {}

  async context(
    em: EntityManager,
    orgId: string,
    siteId: string,
    complaintId: string | null | undefined,
    at: Date,
  ): Promise<AudienceContext> {
    const [staff, file, watches, duty] = await Promise.all([
      em.find(KnownStaff, { orgId }),
      complaintId ? em.findOne(CaseFile, { complaintId }) : Promise.resolve(null),
      complaintId ? em.find(DeadlineWatch, { complaintId }) : Promise.resolve([]),
      this.roster.at(em, siteId, at),
    ]);
    return {
      siteId,
      areaManagerId: file?.areaManagerId,
      handlerIds: [...new Set(watches.map((w) => w.handlerId).filter((h): h is string => Boolean(h)))],
      duty: { staffIds: duty.staffIds, directorId: duty.directorId },
      staff: staff.map((s) => ({ id: s.staffId, roles: s.roles, department: s.department, sites: s.sites, active: s.active })),
    };
  }

  /** Writes the messages of one announcement; answers the notifications created now. */
  async announce(em: EntityManager, a: Announcement): Promise<Notification[]> {
    const overrides = Object.fromEntries(
      (await em.find(NotificationPolicy, { orgId: a.orgId })).map((p) => [p.kind, p.ackWithinMinutes]),
    ) as AckOverrides;
    const ctx = await this.context(em, a.orgId, a.siteId, a.complaintId, a.at);
    const created: Notification[] = [];
    const seen = new Set<string>();
    for (const plan of plansFor(a, overrides)) {
      for (const recipientId of resolveAudience(plan.to, ctx)) {
        if (seen.has(recipientId)) continue;
        seen.add(recipientId);
        const n = await this.write(em, a, recipientId, ctx, {
          ackRequired: plan.ackRequired,
          ackWithinMinutes: plan.ackWithinMinutes ?? null,
          ladder: plan.ladder,
          ladderStep: 0,
        });
        if (n) created.push(n);
      }
    }
    if (created.length) await this.toSiteChannels(em, a, created[0]);
    return created;
  }

  /** One message to one person (the ladder's steps use it too); undefined when they were told from this source already. */
  async write(
    em: EntityManager,
    a: Announcement,
    recipientId: string,
    ctx: AudienceContext,
    ack: { ackRequired: boolean; ackWithinMinutes: number | null; ladder: Audience[]; ladderStep: number },
  ): Promise<Notification | undefined> {
    if (await em.findOne(Notification, { sourceKey: a.sourceKey, recipientId })) return undefined;
    const staff = ctx.staff.find((s) => s.id === recipientId);
    const n = em.create(Notification, {
      id: randomUUID(),
      orgId: a.orgId,
      siteId: a.siteId,
      recipientId,
      kind: a.kind,
      title: a.title,
      body: a.body,
      complaintId: a.complaintId ?? null,
      workOrderId: a.workOrderId ?? null,
      sourceKey: a.sourceKey,
      createdAt: a.at,
      ackRequired: ack.ackRequired,
      ackWithinMinutes: ack.ackWithinMinutes,
      ackDueAt: ack.ackRequired && ack.ackWithinMinutes ? new Date(a.at.getTime() + ack.ackWithinMinutes * 60_000) : null,
      urgent: URGENT_KINDS.has(a.kind),
      ladder: ack.ladder,
      ladderStep: ack.ladderStep,
      recipientRoles: staff?.roles ?? [],
    });
    em.persist(n);
    const prefs = (await em.findOne(NotificationPreference, { userId: recipientId })) ?? undefined;
    const channels = channelsFor(a.kind, prefs);
    // the console at once; the first outside channel now (or when quiet hours end); the rest are fallbacks
    this.deliver(em, n, DeliveryChannel.IN_APP, recipientId, a.at, DeliveryStatus.SENT);
    const outside = channels.find((c) => c !== DeliveryChannel.IN_APP);
    if (outside) {
      const release = n.urgent
        ? a.at
        : releaseAfterQuietHours(a.at, localTime(a.at, prefs?.timeZone ?? 'Asia/Shanghai').minute, prefs?.quietStart, prefs?.quietEnd);
      this.deliver(em, n, outside, recipientId, release, DeliveryStatus.PENDING);
    }
    return n;
  }

  deliver(
    em: EntityManager,
    n: Notification,
    channel: DeliveryChannel,
    target: string,
    at: Date,
    status: DeliveryStatus,
    fallbackOf?: string,
  ): Delivery {
    const d = em.create(Delivery, {
      id: randomUUID(),
      notificationId: n.id,
      orgId: n.orgId,
      siteId: n.siteId,
      channel,
      target,
      status,
      attempts: status === DeliveryStatus.SENT ? 1 : 0,
      nextAttemptAt: at,
      sentAt: status === DeliveryStatus.SENT ? at : null,
      fallbackOf: fallbackOf ?? null,
      createdAt: n.createdAt,
    });
    em.persist(d);
    return d;
  }

  /** The site's robots, webhooks and shared addresses that take this kind: one post per announcement. */
  private async toSiteChannels(em: EntityManager, a: Announcement, first: Notification): Promise<void> {
    const channels = await em.find(SiteChannel, { orgId: a.orgId, siteId: a.siteId });
    for (const c of channels.filter((c) => c.kinds.includes(a.kind))) {
      this.deliver(em, first, c.channel, `site-channel:${c.id}`, a.at, DeliveryStatus.PENDING);
    }
  }
}

/** The department a trigger concerns, for titles. */
export const departmentLabel = (d?: Department | null): string => (d ? ` ${d}` : '');

/** Titles and bodies carry the case number, kind, site and deadline: never a customer's phone or the complaint text. */
export function describe(
  kind: NotificationKind,
  f: { complaintId?: string | null; siteName: string; clock?: string; dueAt?: string; extra?: string },
): {
  title: string;
  body: string;
} {
  const caseRef = f.complaintId ? `case ${f.complaintId}` : 'no case';
  const due = f.dueAt ? `; due ${f.dueAt}` : '';
  const clock = f.clock ? ` ${f.clock}` : '';
  const titles: Record<NotificationKind, string> = {
    MAJOR_COMPLAINT: 'Major complaint',
    DEADLINE_WARNING: `Deadline${clock} approaching`,
    DEADLINE_BREACHED: `Deadline${clock} passed`,
    ESCALATED: 'Case escalated',
    EMERGENCY: 'Emergency',
    CONTRACTOR_NO_SHOW: 'Contractor did not arrive',
    CALLBACK_DUE: 'Callback due',
    DISSATISFIED: 'Customer dissatisfied at callback',
    LIAISON_LETTER: 'Liaison letter received',
    UNACKNOWLEDGED: 'Not acknowledged in time',
    SHIFT_HANDOVER: 'Shift handover',
    NOTICE: 'Notice',
  };
  return {
    title: `${titles[kind]}: ${caseRef} at ${f.siteName}`,
    body: `${titles[kind]} — ${caseRef}, site ${f.siteName}${due}${f.extra ? `. ${f.extra}` : ''}`,
  };
}
