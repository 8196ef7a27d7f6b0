import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { DeliveryChannel, RESIDENT_MESSAGE_MAX_RECIPIENTS, ResidentMessageRequested } from '@pc/contracts';
import { TransactionalOutbox, type EventWriter } from '@pc/messaging';
import { AuthUser, Clock, assertRole, invalidInput } from '@pc/platform';
import { UnitHolding } from '../customer/customer.entities';
import { FILE_KEEPERS } from '../customer/customer-file.usecases';
import { grantedSite } from '../registry/registry-rules';
import { Area, Customer, Unit } from '../registry/registry.entities';
import { chunked, noticeRecipients, noticeUnits } from './relationship-rules';
import { NoticeKind, ResidentNotice, type NoticeAudience } from './relationship.entities';

/** Channels a notice can go out on: SMS to each resident, or posted to the site's group robots and webhooks. */
export const NOTICE_CHANNELS: readonly DeliveryChannel[] = [
  DeliveryChannel.SMS,
  DeliveryChannel.WECOM,
  DeliveryChannel.DINGTALK,
  DeliveryChannel.FEISHU,
  DeliveryChannel.WEBHOOK,
];

export interface PublishNoticeCommand {
  siteId: string;
  audience: Partial<NoticeAudience>;
  kind: NoticeKind;
  title: string;
  body: string;
  startsAt?: Date | null;
  endsAt?: Date | null;
  channels?: DeliveryChannel[] | null;
}

/**
 * Notices to residents (告示/通知, domain.md §7): to a site, areas, buildings or units of it, posted on
 * the residents' pages from `startsAt` to `endsAt`, and sent through notify (SMS to each resident with a
 * number; once to the site's group robots). The audience is checked against the caller's site and must
 * reach at least one unit; what was sent to whom is kept here (who) and in notify (each delivery).
 */
@Injectable()
export class Notices {
  constructor(
    private readonly tx: TransactionalOutbox,
    private readonly clock: Clock,
  ) {}

  publish(user: AuthUser, c: PublishNoticeCommand): Promise<ResidentNotice> {
    return this.tx.by(user).run(async (em, events) => {
      assertRole(user, FILE_KEEPERS);
      return this.publishIn(em, events, user, c);
    });
  }

  /**
   * The notice in the caller's transaction (`publish`, or a consumer: the annual survey's public
   * answer). `id` makes it once per source (a redelivered event finds it made).
   */
  async publishIn(em: EntityManager, events: EventWriter, user: AuthUser, c: PublishNoticeCommand, id?: string): Promise<ResidentNotice> {
    const site = await grantedSite(em, user, c.siteId);
    const audience: NoticeAudience = {
      wholeSite: Boolean(c.audience.wholeSite),
      areaIds: [...new Set(c.audience.areaIds ?? [])],
      buildings: [...new Set(c.audience.buildings ?? [])],
      unitIds: [...new Set(c.audience.unitIds ?? [])],
    };
    // one after the other: a transaction's statements share its connection
    const areas = await em.find(Area, { siteId: site.id }, { fields: ['id'] });
    const units = await em.find(Unit, { siteId: site.id }, { fields: ['id', 'areaId', 'name', 'building'] });
    audience.areaIds.forEach((a, i) => {
      if (!areas.some((x) => x.id === a)) throw invalidInput(`audience.areaIds.${i}`, `${a} is not an area of site ${site.id}`);
    });
    audience.unitIds.forEach((u, i) => {
      if (!units.some((x) => x.id === u)) throw invalidInput(`audience.unitIds.${i}`, `${u} is not a unit of site ${site.id}`);
    });
    const unitIds = noticeUnits(audience, units);
    if (unitIds !== null && !unitIds.length) {
      throw invalidInput('audience', 'the audience is empty: name the whole site, or areas, buildings or units of it that exist');
    }
    const now = this.clock.now();
    const startsAt = c.startsAt ?? now;
    if (c.endsAt && c.endsAt.getTime() <= startsAt.getTime()) throw invalidInput('endsAt', 'a notice ends after it starts');
    const channels = [...new Set(c.channels ?? [])];
    channels.forEach((ch, i) => {
      if (!NOTICE_CHANNELS.includes(ch)) throw invalidInput(`channels.${i}`, `a notice goes out by ${NOTICE_CHANNELS.join(', ')}`);
    });
    const recipients = channels.includes(DeliveryChannel.SMS)
      ? noticeRecipients(
          unitIds,
          await em.find(Customer, { orgId: user.org, siteId: site.id }, { fields: ['id', 'phone', 'unitId'] }),
          await em.find(
            UnitHolding,
            { orgId: user.org, siteId: site.id, movedOutOn: null },
            { fields: ['customerId', 'unitId', 'movedOutOn'] },
          ),
        )
      : [];
    const notice = em.create(ResidentNotice, {
      id: id ?? randomUUID(),
      orgId: user.org,
      siteId: site.id,
      kind: c.kind,
      title: c.title,
      body: c.body,
      audience,
      unitIds,
      startsAt,
      endsAt: c.endsAt ?? null,
      channels,
      sentTo: recipients.map((r) => r.customerId),
      publishedBy: user.sub,
      publishedAt: now,
    });
    em.persist(notice);
    const siteChannels = channels.filter((ch) => ch !== DeliveryChannel.SMS);
    const parts = chunked(recipients, RESIDENT_MESSAGE_MAX_RECIPIENTS);
    if (!parts.length && siteChannels.length) parts.push([]);
    parts.forEach((part, i) =>
      events.publish(ResidentMessageRequested, {
        orgId: user.org,
        siteId: site.id,
        sourceKey: `notice:${notice.id}:${i}`,
        noticeId: notice.id,
        title: `【${site.name}】${c.title}`,
        body: c.body,
        recipients: part,
        siteChannels: i === 0 ? siteChannels : [],
        at: now.toISOString(),
      }),
    );
    return notice;
  }
}
