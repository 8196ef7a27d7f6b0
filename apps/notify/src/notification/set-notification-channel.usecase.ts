import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { DeliveryChannel, Role, type NotificationKind } from '@pc/contracts';
import { Clock, ServiceConfig, assertRole, invalidInput, type AuthUser } from '@pc/platform';
import { Directory } from '@pc/subgraph';
import { SiteChannel } from './notification.entity';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^(\+?86)?1\d{10}$/;
const ROBOTS = [DeliveryChannel.WECOM, DeliveryChannel.DINGTALK, DeliveryChannel.FEISHU, DeliveryChannel.WEBHOOK];

export interface SetNotificationChannelCommand {
  actor: AuthUser;
  siteId: string;
  channel: DeliveryChannel;
  target: string;
  secret?: string;
  kinds: NotificationKind[];
}

/**
 * Rule: a robot's URL is https (http only for 127.0.0.1 outside production); an address parses as
 * an e-mail or a mobile number for its channel; DingTalk's and Feishu's signing secrets are at
 * least 16 characters (checked at the edge).
 */
export function checkTarget(channel: DeliveryChannel, target: string, production: boolean): string | undefined {
  if (channel === DeliveryChannel.IN_APP) return "IN_APP is every user's console: it needs no site channel";
  if (channel === DeliveryChannel.EMAIL) return EMAIL.test(target) ? undefined : `"${target}" is not an e-mail address`;
  if (channel === DeliveryChannel.SMS) {
    return PHONE.test(target) ? undefined : `"${target}" is not a mobile number (11 digits, optionally +86)`;
  }
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return `"${target}" is not a URL`;
  }
  const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && local && !production) return undefined;
  return `a ${channel} robot's URL must be https (http only for 127.0.0.1 in development)`;
}

/** ADMIN sets one of a site's outside channels (a robot, a shared address, an SMS number) and the kinds it takes. */
@Injectable()
export class SetNotificationChannel {
  constructor(
    private readonly orm: MikroORM,
    private readonly directory: Directory,
    private readonly clock: Clock,
    private readonly config: ServiceConfig,
  ) {}

  execute(c: SetNotificationChannelCommand): Promise<SiteChannel> {
    assertRole(c.actor, [Role.ADMIN]);
    return this.orm.em.fork().transactional(async (em) => {
      await this.directory.site(em, c.actor, c.siteId);
      const target = c.target.trim();
      const bad = checkTarget(c.channel, target, this.config.NODE_ENV === 'production');
      if (bad) throw invalidInput('target', bad);
      if ((c.channel === DeliveryChannel.DINGTALK || c.channel === DeliveryChannel.FEISHU) && !c.secret) {
        const existing = await em.findOne(SiteChannel, { siteId: c.siteId, channel: c.channel, target });
        if (!existing?.secret) throw invalidInput('secret', `a ${c.channel} robot signs its messages: give its secret`);
      }
      if (!ROBOTS.includes(c.channel) && c.secret) throw invalidInput('secret', `${c.channel} takes no secret`);
      const row =
        (await em.findOne(SiteChannel, { orgId: c.actor.org, siteId: c.siteId, channel: c.channel, target })) ??
        em.create(SiteChannel, {
          id: randomUUID(),
          orgId: c.actor.org,
          siteId: c.siteId,
          channel: c.channel,
          target,
          kinds: [],
          savedBy: c.actor.sub,
          savedAt: this.clock.now(),
        });
      row.kinds = [...new Set(c.kinds)];
      if (c.secret) row.secret = c.secret;
      row.savedBy = c.actor.sub;
      row.savedAt = this.clock.now();
      em.persist(row);
      return row;
    });
  }
}
