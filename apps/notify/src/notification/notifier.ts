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
  type MessagePlan,
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

/** What one batch of announcements is addressed with, read once for all of them. */
interface Directory {
  staff: Map<string, AudienceContext['staff']>;
  overrides: Map<string, AckOverrides>;
  files: Map<string, CaseFile>;
  handlers: Map<string, string[]>;
  duty: Map<string, AudienceContext['duty']>;
}

const unique = <T>(list: T[]): T[] => [...new Set(list)];
const dutyKey = (siteId: string, at: Date) => `${siteId}|${at.getTime()}`;

/**
 * Turns announcements into messages: resolves the rules' audiences to people (directory, roster,
 * case), and writes one notification per person with its deliveries, in the caller's transaction.
 * A person already told from the same source is skipped, so a redelivered event adds nothing.
 * A batch of announcements (a consumer's batch of events) is read and written set-based: a fixed
 * number of statements for the batch, not per message.
 */
@Injectable()
export class Notifier {
  constructor(private readonly roster: DutyRoster) {}

  private async directory(
    em: EntityManager,
    list: { orgId: string; siteId: string; complaintId?: string | null; at: Date }[],
  ): Promise<Directory> {
    const orgIds = unique(list.map((a) => a.orgId));
    const complaintIds = unique(list.map((a) => a.complaintId).filter((c): c is string => Boolean(c)));
    // who is on duty, per instant of the batch (one, for a consumer's batch) at all its sites at once
    const instants = new Map<number, { at: Date; siteIds: Set<string> }>();
    for (const a of list) {
      const i = instants.get(a.at.getTime()) ?? { at: a.at, siteIds: new Set<string>() };
      i.siteIds.add(a.siteId);
      instants.set(a.at.getTime(), i);
    }
    const [staff, policies, files, watches, duty] = await Promise.all([
      em.find(KnownStaff, { orgId: { $in: orgIds } }),
      em.find(NotificationPolicy, { orgId: { $in: orgIds } }),
      complaintIds.length ? em.find(CaseFile, { complaintId: { $in: complaintIds } }) : Promise.resolve([]),
      complaintIds.length ? em.find(DeadlineWatch, { complaintId: { $in: complaintIds } }) : Promise.resolve([]),
      Promise.all([...instants.values()].map(async (i) => ({ at: i.at, bySite: await this.roster.atMany(em, [...i.siteIds], i.at) }))),
    ]);
    const d: Directory = { staff: new Map(), overrides: new Map(), files: new Map(), handlers: new Map(), duty: new Map() };
    for (const s of staff) {
      const entry = { id: s.staffId, roles: s.roles, department: s.department, sites: s.sites, active: s.active };
      d.staff.set(s.orgId, [...(d.staff.get(s.orgId) ?? []), entry]);
    }
    for (const p of policies) d.overrides.set(p.orgId, { ...d.overrides.get(p.orgId), [p.kind]: p.ackWithinMinutes });
    for (const f of files) d.files.set(f.complaintId, f);
    for (const w of watches) {
      if (w.handlerId && !d.handlers.get(w.complaintId)?.includes(w.handlerId)) {
        d.handlers.set(w.complaintId, [...(d.handlers.get(w.complaintId) ?? []), w.handlerId]);
      }
    }
    for (const { at, bySite } of duty) {
      for (const [siteId, now] of bySite) d.duty.set(dutyKey(siteId, at), { staffIds: now.staffIds, directorId: now.directorId });
    }
    return d;
  }

  private contextOf(d: Directory, a: { orgId: string; siteId: string; complaintId?: string | null; at: Date }): AudienceContext {
    return {
      siteId: a.siteId,
      areaManagerId: a.complaintId ? d.files.get(a.complaintId)?.areaManagerId : undefined,
      handlerIds: a.complaintId ? (d.handlers.get(a.complaintId) ?? []) : [],
      duty: d.duty.get(dutyKey(a.siteId, a.at)) ?? { staffIds: [], directorId: null },
      staff: d.staff.get(a.orgId) ?? [],
    };
  }

  async context(
    em: EntityManager,
    orgId: string,
    siteId: string,
    complaintId: string | null | undefined,
    at: Date,
  ): Promise<AudienceContext> {
    return this.contextOf(await this.directory(em, [{ orgId, siteId, complaintId, at }]), { orgId, siteId, complaintId, at });
  }

  /** Writes the messages of one announcement; answers the notifications created now. */
  announce(em: EntityManager, a: Announcement): Promise<Notification[]> {
    return this.announceMany(em, [a]);
  }

  /** Writes the messages of several announcements (a batch of events) at once; answers the notifications created now. */
  async announceMany(em: EntityManager, list: Announcement[]): Promise<Notification[]> {
    if (!list.length) return [];
    const d = await this.directory(em, list);
    // who each announcement reaches, by its plans (nobody twice for one source)
    const wanted: { a: Announcement; recipientId: string; plan: MessagePlan; ctx: AudienceContext }[] = [];
    const seen = new Set<string>();
    for (const a of list) {
      const ctx = this.contextOf(d, a);
      for (const plan of plansFor(a, d.overrides.get(a.orgId) ?? {})) {
        for (const recipientId of resolveAudience(plan.to, ctx)) {
          const key = `${a.sourceKey}\u0000${recipientId}`;
          if (seen.has(key)) continue;
          seen.add(key);
          wanted.push({ a, recipientId, plan, ctx });
        }
      }
    }
    if (!wanted.length) return [];
    const [told, prefs, channels] = await Promise.all([
      em.find(Notification, { sourceKey: { $in: unique(wanted.map((w) => w.a.sourceKey)) } }, { fields: ['sourceKey', 'recipientId'] }),
      em.find(NotificationPreference, { userId: { $in: unique(wanted.map((w) => w.recipientId)) } }),
      em.find(SiteChannel, {
        $or: unique(list.map((a) => `${a.orgId}\u0000${a.siteId}`)).map((k) => ({
          orgId: k.split('\u0000')[0],
          siteId: k.split('\u0000')[1],
        })),
      }),
    ]);
    const already = new Set(told.map((n) => `${n.sourceKey}\u0000${n.recipientId}`));
    const prefsOf = new Map(prefs.map((p) => [p.userId, p]));
    const notifications: Notification[] = [];
    const deliveries: Delivery[] = [];
    const firstOf = new Map<Announcement, Notification>();
    for (const w of wanted) {
      if (already.has(`${w.a.sourceKey}\u0000${w.recipientId}`)) continue;
      const n = this.notification(w.a, w.recipientId, w.ctx, {
        ackRequired: w.plan.ackRequired,
        ackWithinMinutes: w.plan.ackWithinMinutes ?? null,
        ladder: w.plan.ladder,
        ladderStep: 0,
      });
      notifications.push(n);
      deliveries.push(...this.personalDeliveries(n, w.a.at, prefsOf.get(w.recipientId)));
      if (!firstOf.has(w.a)) firstOf.set(w.a, n);
    }
    // the site's robots, webhooks and shared addresses that take the kind: one post per announcement
    for (const [a, first] of firstOf) {
      for (const c of channels.filter((c) => c.orgId === a.orgId && c.siteId === a.siteId && c.kinds.includes(a.kind))) {
        deliveries.push(this.delivery(first, c.channel, `site-channel:${c.id}`, a.at, DeliveryStatus.PENDING));
      }
    }
    if (notifications.length) await em.insertMany(Notification, notifications);
    if (deliveries.length) await em.insertMany(Delivery, deliveries);
    return notifications;
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
    const n = em.create(Notification, this.notification(a, recipientId, ctx, ack));
    em.persist(n);
    const prefs = (await em.findOne(NotificationPreference, { userId: recipientId })) ?? undefined;
    for (const d of this.personalDeliveries(n, a.at, prefs)) em.persist(em.create(Delivery, d));
    return n;
  }

  private notification(
    a: Announcement,
    recipientId: string,
    ctx: AudienceContext,
    ack: { ackRequired: boolean; ackWithinMinutes: number | null; ladder: Audience[]; ladderStep: number },
  ): Notification {
    return {
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
      readAt: null,
      ackRequired: ack.ackRequired,
      ackWithinMinutes: ack.ackWithinMinutes,
      ackDueAt: ack.ackRequired && ack.ackWithinMinutes ? new Date(a.at.getTime() + ack.ackWithinMinutes * 60_000) : null,
      acknowledgedAt: null,
      urgent: URGENT_KINDS.has(a.kind),
      ladder: ack.ladder,
      ladderStep: ack.ladderStep,
      escalatedAt: null,
      recipientRoles: ctx.staff.find((s) => s.id === recipientId)?.roles ?? [],
    };
  }

  /** The console at once; the first outside channel now (or when quiet hours end); the rest are fallbacks. */
  private personalDeliveries(n: Notification, at: Date, prefs: NotificationPreference | undefined): Delivery[] {
    const out = [this.delivery(n, DeliveryChannel.IN_APP, n.recipientId, at, DeliveryStatus.SENT)];
    const outside = channelsFor(n.kind, prefs).find((c) => c !== DeliveryChannel.IN_APP);
    if (outside) {
      const release = n.urgent
        ? at
        : releaseAfterQuietHours(at, localTime(at, prefs?.timeZone ?? 'Asia/Shanghai').minute, prefs?.quietStart, prefs?.quietEnd);
      out.push(this.delivery(n, outside, n.recipientId, release, DeliveryStatus.PENDING));
    }
    return out;
  }

  private delivery(n: Notification, channel: DeliveryChannel, target: string, at: Date, status: DeliveryStatus): Delivery {
    return deliveryRow(n, channel, target, at, status);
  }
}

/** A delivery row of a notification: SENT at once (the console), or PENDING from `at`. */
export function deliveryRow(n: Notification, channel: DeliveryChannel, target: string, at: Date, status: DeliveryStatus): Delivery {
  return {
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
    lastError: null,
    providerId: null,
    fallbackOf: null,
    createdAt: n.createdAt,
  };
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
    RESIDENT_MESSAGE: 'To residents',
  };
  return {
    title: `${titles[kind]}: ${caseRef} at ${f.siteName}`,
    body: `${titles[kind]} — ${caseRef}, site ${f.siteName}${due}${f.extra ? `. ${f.extra}` : ''}`,
  };
}
