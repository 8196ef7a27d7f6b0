import { MikroORM, type FilterQuery } from '@mikro-orm/core';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DeliveryChannel, DeliveryStatus, Role, type NotificationKind } from '@pc/contracts';
import { AuthUser, Clock, CurrentUser, Roles, assertRole, invalidInput, notFound, scopeOf } from '@pc/platform';
import { Directory, decodeCursor, encodeCursor } from '@pc/subgraph';
import { AcknowledgeNotification } from './acknowledge-notification.usecase';
import {
  MyNotificationsArgs,
  NotificationPolicyInput,
  NotificationPreferencesInput,
  SetNotificationChannelInput,
} from './notification.inputs';
import { Delivery, Notification, NotificationPolicy, NotificationPreference, SiteChannel } from './notification.entity';
import {
  CaseNotificationObject,
  ComplaintRef,
  DeliveryObject,
  NotificationChannelObject,
  NotificationConnection,
  NotificationObject,
  NotificationPolicyObjectList,
  NotificationPreferencesObject,
} from './notification.object';
import { SetNotificationChannel } from './set-notification-channel.usecase';

/** The caller's own messages (every role), a site's outside channels (ADMIN), and parked deliveries (ADMIN). */
@Resolver(() => NotificationObject)
export class NotificationResolver {
  constructor(
    private readonly orm: MikroORM,
    private readonly clock: Clock,
    private readonly acknowledge: AcknowledgeNotification,
    private readonly setChannel: SetNotificationChannel,
    private readonly directory: Directory,
  ) {}

  private async withDeliveries(rows: Notification[]): Promise<NotificationObject[]> {
    const deliveries = rows.length ? await this.orm.em.fork().find(Delivery, { notificationId: { $in: rows.map((n) => n.id) } }) : [];
    return rows.map((n) => NotificationObject.from(n, deliveries));
  }

  @Query(() => NotificationConnection, { description: "The caller's notifications, newest first." })
  async myNotifications(@CurrentUser() user: AuthUser, @Args() args: MyNotificationsArgs): Promise<NotificationConnection> {
    const first = args.first ?? 20;
    const where: FilterQuery<Notification> = { recipientId: user.sub };
    if (args.unreadOnly) where.readAt = null;
    if (args.after) {
      const [ms, id] = decodeCursor(args.after, 2);
      const at = new Date(Number(ms));
      if (Number.isNaN(at.getTime())) throw invalidInput('after', 'not a cursor of this connection');
      where.$or = [{ createdAt: { $lt: at } }, { createdAt: at, id: { $lt: id } }];
    }
    const rows = await scopeOf(user).find(this.orm.em.fork(), Notification, where, {
      orderBy: { createdAt: 'desc', id: 'desc' },
      limit: first + 1,
    });
    const page = rows.slice(0, first);
    const nodes = await this.withDeliveries(page);
    const edges = nodes.map((node, i) => ({ node, cursor: encodeCursor(String(page[i].createdAt.getTime()), page[i].id) }));
    return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  @Query(() => Int, { description: "How many of the caller's notifications are unread." })
  myUnreadCount(@CurrentUser() user: AuthUser): Promise<number> {
    return this.orm.em.fork().count(Notification, scopeOf(user).where<Notification>({ recipientId: user.sub, readAt: null }));
  }

  @Mutation(() => NotificationObject, { description: "Acknowledges one of the caller's own notifications (and marks it read)." })
  async acknowledgeNotification(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<NotificationObject> {
    return (await this.withDeliveries([await this.acknowledge.execute({ actor: user, id })]))[0];
  }

  @Mutation(() => Int, { description: "Marks the caller's own notifications read; answers how many changed. Ids of others are refused." })
  async markNotificationsRead(@CurrentUser() user: AuthUser, @Args('ids', { type: () => [ID] }) ids: string[]): Promise<number> {
    if (ids.length > 500) throw invalidInput('ids', 'at most 500 ids at once');
    const em = this.orm.em.fork();
    const mine = await scopeOf(user).find(em, Notification, { id: { $in: ids }, recipientId: user.sub });
    const unknown = ids.filter((id) => !mine.some((n) => n.id === id));
    if (unknown.length) throw notFound('notification', unknown[0]);
    const now = this.clock.now();
    const unread = mine.filter((n) => !n.readAt);
    unread.forEach((n) => (n.readAt = now));
    await em.flush();
    return unread.length;
  }

  @Query(() => NotificationPreferencesObject, { description: "The caller's channels per kind and quiet hours." })
  async myNotificationPreferences(@CurrentUser() user: AuthUser): Promise<NotificationPreferencesObject> {
    return toPreferences(await this.orm.em.fork().findOne(NotificationPreference, { userId: user.sub, orgId: user.org }));
  }

  @Mutation(() => NotificationPreferencesObject, { description: "Sets the caller's own channels per kind, quiet hours and SMS number." })
  async setNotificationPreferences(
    @CurrentUser() user: AuthUser,
    @Args('input') input: NotificationPreferencesInput,
  ): Promise<NotificationPreferencesObject> {
    if (Boolean(input.quietStart) !== Boolean(input.quietEnd)) {
      throw invalidInput(input.quietStart ? 'quietEnd' : 'quietStart', 'give both ends of the quiet hours');
    }
    if (input.timeZone) {
      try {
        new Intl.DateTimeFormat('en', { timeZone: input.timeZone });
      } catch {
        throw invalidInput('timeZone', `unknown time zone ${input.timeZone}`);
      }
    }
    for (const [i, k] of (input.channels ?? []).entries()) {
      const robot = k.channels.find((c) => ![DeliveryChannel.IN_APP, DeliveryChannel.EMAIL, DeliveryChannel.SMS].includes(c));
      if (robot) {
        throw invalidInput(
          `channels[${i}].channels`,
          `${robot} reaches a site's group, not a person: an ADMIN sets it with setNotificationChannel`,
        );
      }
    }
    const em = this.orm.em.fork();
    const row =
      (await em.findOne(NotificationPreference, { userId: user.sub })) ??
      em.create(NotificationPreference, { userId: user.sub, orgId: user.org, channels: {}, timeZone: 'Asia/Shanghai' });
    if (row.orgId !== user.org) throw notFound('notification preferences', user.sub);
    if (input.channels) row.channels = Object.fromEntries(input.channels.map((k) => [k.kind, [...new Set(k.channels)]]));
    if (input.quietStart !== undefined) row.quietStart = input.quietStart ?? null;
    if (input.quietEnd !== undefined) row.quietEnd = input.quietEnd ?? null;
    if (input.timeZone) row.timeZone = input.timeZone;
    if (input.phone !== undefined) row.phone = input.phone ?? null;
    em.persist(row);
    await em.flush();
    return toPreferences(row);
  }

  @Mutation(() => NotificationChannelObject, {
    description: "Sets one of a site's outside channels (ADMIN); the secret is written, never read back.",
  })
  @Roles(Role.ADMIN)
  async setNotificationChannel(
    @CurrentUser() user: AuthUser,
    @Args('input') input: SetNotificationChannelInput,
  ): Promise<NotificationChannelObject> {
    return NotificationChannelObject.from(await this.setChannel.execute({ actor: user, ...input }));
  }

  @Query(() => [NotificationChannelObject], { description: "A site's outside channels (ADMIN)." })
  @Roles(Role.ADMIN)
  async notificationChannels(
    @CurrentUser() user: AuthUser,
    @Args('siteId', { type: () => ID }) siteId: string,
  ): Promise<NotificationChannelObject[]> {
    const em = this.orm.em.fork();
    await this.directory.site(em, user, siteId);
    return (await em.find(SiteChannel, { orgId: user.org, siteId }, { orderBy: { savedAt: 'asc' } })).map(NotificationChannelObject.from);
  }

  @Mutation(() => [NotificationPolicyObjectList], {
    description: "Overrides the minutes to acknowledge a kind for the caller's organisation (ADMIN).",
  })
  @Roles(Role.ADMIN)
  async setNotificationPolicy(
    @CurrentUser() user: AuthUser,
    @Args('input') input: NotificationPolicyInput,
  ): Promise<NotificationPolicyObjectList[]> {
    assertRole(user, [Role.ADMIN]);
    scopeOf(user).assertOrgWide("set the organisation's notification policy");
    const em = this.orm.em.fork();
    await em.upsert(NotificationPolicy, { orgId: user.org, kind: input.kind, ackWithinMinutes: input.ackWithinMinutes });
    return (await em.find(NotificationPolicy, { orgId: user.org })).map((p) => ({ kind: p.kind, ackWithinMinutes: p.ackWithinMinutes }));
  }

  @Query(() => [DeliveryObject], {
    description: 'Deliveries that failed for good (PARKED), newest first (ADMIN): resend with resendDelivery.',
  })
  @Roles(Role.ADMIN)
  async parkedDeliveries(
    @CurrentUser() user: AuthUser,
    @Args('siteId', { type: () => ID, nullable: true }) siteId?: string,
  ): Promise<DeliveryObject[]> {
    const rows = await scopeOf(user).find(
      this.orm.em.fork(),
      Delivery,
      { status: DeliveryStatus.PARKED },
      { orderBy: { createdAt: 'desc' }, limit: 200 },
      siteId,
    );
    return rows.map(DeliveryObject.from);
  }

  @Mutation(() => DeliveryObject, { description: 'Sends a parked delivery again (ADMIN).' })
  @Roles(Role.ADMIN)
  async resendDelivery(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<DeliveryObject> {
    const em = this.orm.em.fork();
    const d = await scopeOf(user).findOne(em, Delivery, { id });
    if (!d) throw notFound('delivery', id);
    if (d.status !== DeliveryStatus.PARKED) throw invalidInput('id', `delivery ${id} is ${d.status}, not PARKED`);
    Object.assign(d, { status: DeliveryStatus.PENDING, attempts: 0, nextAttemptAt: this.clock.now() });
    await em.flush();
    return DeliveryObject.from(d);
  }
}

function toPreferences(p: NotificationPreference | null): NotificationPreferencesObject {
  return {
    channels: Object.entries(p?.channels ?? {}).map(([kind, channels]) => ({ kind: kind as NotificationKind, channels: channels ?? [] })),
    quietStart: p?.quietStart ?? null,
    quietEnd: p?.quietEnd ?? null,
    timeZone: p?.timeZone ?? 'Asia/Shanghai',
    hasPhone: Boolean(p?.phone),
  };
}

/** `Complaint.notifications`: the case's record of who was told, when, how, delivered and acknowledged when. */
@Resolver(() => ComplaintRef)
export class ComplaintNotificationsResolver {
  constructor(private readonly orm: MikroORM) {}

  @ResolveField(() => [CaseNotificationObject], {
    description: 'Who was told of this case, when, on which channel, delivered and acknowledged when.',
  })
  async notifications(@Parent() complaint: ComplaintRef, @CurrentUser() user: AuthUser): Promise<CaseNotificationObject[]> {
    const em = this.orm.em.fork();
    const rows = await scopeOf(user).find(
      em,
      Notification,
      { complaintId: complaint.id },
      { orderBy: { createdAt: 'asc', id: 'asc' }, limit: 500 },
    );
    if (!rows.length) return [];
    const deliveries = await em.find(Delivery, { notificationId: { $in: rows.map((n) => n.id) } }, { orderBy: { createdAt: 'asc' } });
    return rows.flatMap((n) =>
      deliveries
        .filter((d) => d.notificationId === n.id)
        .map((d) => ({
          recipientId: d.target.startsWith('site-channel:') ? d.target : n.recipientId,
          kind: n.kind,
          channel: d.channel,
          status: d.status,
          createdAt: n.createdAt,
          deliveredAt: d.sentAt ?? null,
          acknowledgedAt: n.acknowledgedAt ?? null,
        })),
    );
  }
}
