import { randomUUID } from 'node:crypto';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { DeliveryChannel, DeliveryStatus } from '@pc/contracts';
import { claimLock } from '@pc/messaging';
import { Clock, ServiceConfig, safeError } from '@pc/platform';
import { KnownStaffContact } from '@pc/subgraph';
import { Delivery, Notification, NotificationPreference, SiteChannel } from '../notification/notification.entity';
import { channelsFor } from '../notification/notify-rules';
import { AckLinks } from './ack-link';
import type { ChannelAdapter, MessageItem, OutgoingMessage, SendResult } from './channel-adapter';
import { MAX_ATTEMPTS, postsAllowed, retryDelayMs } from './delivery-rules';

export const CHANNEL_ADAPTERS = Symbol('CHANNEL_ADAPTERS');

const BATCH = 500;

export interface DeliveryTickResult {
  sent: number;
  failed: number;
  parked: number;
  /** Posts or mails that carried more than one message. */
  digests: number;
}

interface Group {
  key: string;
  channel: DeliveryChannel;
  deliveries: Delivery[];
}

/**
 * Sends what is due on the outside channels (e-mail, SMS, robots, webhooks). Due deliveries are
 * claimed in a short transaction (FOR UPDATE SKIP LOCKED, then leased for DELIVERY_LEASE_MS), so replicas never take the
 * same one; those due together for one address or robot go as one digest; results are written in a
 * second transaction: SENT, or FAILED with a backoff, or after MAX_ATTEMPTS PARKED with the reason,
 * and then the recipient's next channel is tried (fallback). A process killed while sending leaves
 * its lease to expire: the delivery is sent again (the message id lets a receiver drop the repeat).
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeliveryWorker.name);
  private timer?: NodeJS.Timeout;
  private running: Promise<DeliveryTickResult> | null = null;
  private readonly adapters: Map<DeliveryChannel, ChannelAdapter>;
  private readonly links: AckLinks;
  /** Posts per robot in the last minute (robots throttle at ~20 a minute). */
  private readonly posts = new Map<string, number[]>();

  constructor(
    private readonly orm: MikroORM,
    private readonly clock: Clock,
    private readonly config: ServiceConfig,
    adapters: ChannelAdapter[],
  ) {
    this.adapters = new Map(adapters.map((a) => [a.channel, a]));
    this.links = new AckLinks(config.NOTIFY_LINK_SECRET ?? config.AUTH_JWT_SECRET ?? 'unset', config.NOTIFY_LINK_TTL_HOURS);
  }

  get ackLinks(): AckLinks {
    return this.links;
  }

  onApplicationBootstrap(): void {
    if (!this.config.DELIVERY_SCAN_MS) return;
    this.timer = setInterval(() => {
      if (!this.running) this.tick().catch((e) => this.logger.warn({ err: safeError(e) }, 'delivery tick failed; will retry'));
    }, this.config.DELIVERY_SCAN_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Sends everything due now; a tick under way is joined, not doubled. */
  tick(): Promise<DeliveryTickResult> {
    this.running ??= this.sendDue().finally(() => (this.running = null));
    return this.running;
  }

  private async sendDue(): Promise<DeliveryTickResult> {
    const total: DeliveryTickResult = { sent: 0, failed: 0, parked: 0, digests: 0 };
    for (;;) {
      const now = this.clock.now();
      const claimed = await this.claim(now);
      if (!claimed.length) return total;
      const r = await this.send(claimed, now);
      total.sent += r.sent;
      total.failed += r.failed;
      total.parked += r.parked;
      total.digests += r.digests;
      if (claimed.length < BATCH) return total;
    }
  }

  private claim(now: Date): Promise<Delivery[]> {
    return this.orm.em.fork().transactional(async (em) => {
      const due = await em.find(
        Delivery,
        { status: { $in: [DeliveryStatus.PENDING, DeliveryStatus.FAILED] }, nextAttemptAt: { $lte: now } },
        { orderBy: { nextAttemptAt: 'asc' }, limit: BATCH, lockMode: claimLock(em) },
      );
      for (const d of due) {
        d.attempts += 1;
        d.nextAttemptAt = new Date(now.getTime() + this.config.DELIVERY_LEASE_MS);
      }
      return due;
    });
  }

  private async send(claimed: Delivery[], now: Date): Promise<DeliveryTickResult> {
    const em = this.orm.em.fork();
    const notifications = new Map(
      (await em.find(Notification, { id: { $in: [...new Set(claimed.map((d) => d.notificationId))] } })).map((n) => [n.id, n]),
    );
    const siteChannelIds = claimed.filter((d) => d.target.startsWith('site-channel:')).map((d) => d.target.slice('site-channel:'.length));
    const siteChannels = new Map(
      (siteChannelIds.length ? await em.find(SiteChannel, { id: { $in: siteChannelIds } }) : []).map((c) => [c.id, c]),
    );
    const people = [...new Set(claimed.filter((d) => !d.target.includes(':')).map((d) => d.target))];
    const contacts = new Map(
      (people.length ? await em.find(KnownStaffContact, { staffId: { $in: people } }) : []).map((c) => [c.staffId, c]),
    );
    const prefs = new Map(
      (people.length ? await em.find(NotificationPreference, { userId: { $in: people } }) : []).map((p) => [p.userId, p]),
    );

    const groups = new Map<string, Group>();
    for (const d of claimed) {
      // staff get a digest of what is due together; a resident's SMS carries one message (its link, its notice) each
      const key = d.target.startsWith('phone:') ? `${d.channel}|${d.target}|${d.id}` : `${d.channel}|${d.target}`;
      const g = groups.get(key) ?? { key, channel: d.channel, deliveries: [] };
      g.deliveries.push(d);
      groups.set(key, g);
    }
    const outcomes: { d: Delivery; r: SendResult }[] = [];
    const result: DeliveryTickResult = { sent: 0, failed: 0, parked: 0, digests: 0 };
    const deferred: Delivery[] = [];
    await Promise.all(
      [...groups.values()].map(async (g) => {
        const address = this.addressOf(g, siteChannels, contacts, prefs);
        if ('error' in address) {
          for (const d of g.deliveries) outcomes.push({ d, r: { ok: false, error: address.error, permanent: true } });
          return;
        }
        if (g.deliveries[0].target.startsWith('site-channel:') && !this.mayPost(g.key, now)) {
          deferred.push(...g.deliveries);
          return;
        }
        const items: MessageItem[] = g.deliveries.map((d) => this.itemOf(notifications.get(d.notificationId), d, now));
        const adapter = this.adapters.get(g.channel);
        const message: OutgoingMessage = { channel: g.channel, to: address.to, secret: address.secret, id: g.deliveries[0].id, items };
        const r = adapter ? await adapter.send(message) : { ok: false, error: `no adapter for ${g.channel}`, permanent: true };
        if (r.ok && items.length > 1) result.digests += 1;
        for (const d of g.deliveries) outcomes.push({ d, r });
      }),
    );
    await this.orm.em.fork().transactional(async (tx) => {
      // the rows as they stand now, in one statement; their changes are flushed together at commit
      const ids = [...deferred.map((d) => d.id), ...outcomes.map((o) => o.d.id)];
      const rows = new Map((ids.length ? await tx.find(Delivery, { id: { $in: ids } }) : []).map((r) => [r.id, r]));
      for (const d of deferred) {
        const row = rows.get(d.id);
        if (!row) continue;
        row.attempts = Math.max(0, row.attempts - 1);
        row.nextAttemptAt = new Date(now.getTime() + 60_000);
      }
      for (const { d, r } of outcomes) {
        const row = rows.get(d.id);
        if (!row) continue;
        if (row.status === DeliveryStatus.SENT) continue;
        if (r.ok) {
          Object.assign(row, { status: DeliveryStatus.SENT, sentAt: now, providerId: r.providerId ?? null, lastError: null });
          result.sent += 1;
        } else if (r.permanent || row.attempts >= MAX_ATTEMPTS) {
          Object.assign(row, { status: DeliveryStatus.PARKED, lastError: r.error ?? 'failed' });
          result.parked += 1;
          await this.fallBack(tx, row, notifications.get(row.notificationId), prefs.get(row.target), now);
        } else {
          Object.assign(row, {
            status: DeliveryStatus.FAILED,
            lastError: r.error ?? 'failed',
            nextAttemptAt: new Date(now.getTime() + retryDelayMs(row.attempts)),
          });
          result.failed += 1;
        }
      }
    });
    return result;
  }

  /** A person's next channel after one that was parked (the console has the message already). */
  private async fallBack(
    em: ReturnType<MikroORM['em']['fork']>,
    parked: Delivery,
    n: Notification | undefined,
    prefs: NotificationPreference | undefined,
    now: Date,
  ): Promise<void> {
    // a robot has no other channel; a resident is reached by SMS only (the resident page has the rest)
    if (!n || parked.target.includes(':')) return;
    const order = channelsFor(n.kind, prefs).filter((c) => c !== DeliveryChannel.IN_APP);
    const tried = new Set((await em.find(Delivery, { notificationId: n.id, target: parked.target })).map((d) => d.channel));
    const next = order.find((c) => !tried.has(c));
    if (!next) return;
    em.persist(
      em.create(Delivery, {
        id: randomUUID(),
        notificationId: n.id,
        orgId: n.orgId,
        siteId: n.siteId,
        channel: next,
        target: parked.target,
        status: DeliveryStatus.PENDING,
        attempts: 0,
        nextAttemptAt: now,
        fallbackOf: parked.id,
        createdAt: now,
      }),
    );
  }

  private addressOf(
    g: Group,
    siteChannels: Map<string, SiteChannel>,
    contacts: Map<string, KnownStaffContact>,
    prefs: Map<string, NotificationPreference>,
  ): { to: string; secret?: string | null } | { error: string } {
    const target = g.deliveries[0].target;
    if (target.startsWith('phone:')) return { to: target.slice('phone:'.length) };
    if (target.startsWith('site-channel:')) {
      const c = siteChannels.get(target.slice('site-channel:'.length));
      return c ? { to: c.target, secret: c.secret } : { error: 'the site channel was removed' };
    }
    if (g.channel === DeliveryChannel.EMAIL) {
      const email = contacts.get(target)?.email;
      return email ? { to: email } : { error: `no e-mail address for ${target}` };
    }
    if (g.channel === DeliveryChannel.SMS) {
      const phone = prefs.get(target)?.phone;
      return phone ? { to: phone } : { error: `no phone number for ${target} in their notification preferences` };
    }
    return { error: `${g.channel} reaches a site's group, not a person: set it with setNotificationChannel` };
  }

  private mayPost(key: string, now: Date): boolean {
    const recent = (this.posts.get(key) ?? []).filter((t) => t > now.getTime() - 60_000);
    if (!postsAllowed(recent.length)) {
      this.posts.set(key, recent);
      return false;
    }
    recent.push(now.getTime());
    this.posts.set(key, recent);
    return true;
  }

  private itemOf(n: Notification | undefined, d: Delivery, now: Date): MessageItem {
    const base = this.config.PUBLIC_URL.replace(/\/$/, '');
    if (!n) return { title: 'Notification', body: 'A notification was removed.', link: base };
    const link = n.link ?? (n.complaintId ? `${base}/#/complaints/${encodeURIComponent(n.complaintId)}` : `${base}/#/notifications`);
    const personal = !d.target.startsWith('site-channel:');
    const ackLink =
      personal && n.ackRequired && d.channel === DeliveryChannel.EMAIL
        ? `${base}/notifications/ack?t=${this.links.token(n.id, n.recipientId, now)}`
        : undefined;
    return { title: n.title, body: n.body, link, ackLink };
  }
}
