import { Directive, Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { DeliveryChannel, DeliveryStatus, NotificationKind } from '@pc/contracts';
import { PageInfo } from '@pc/subgraph';
import type { Delivery, Notification, SiteChannel } from './notification.entity';

/** The intake-owned Complaint, extended here with who was told. */
@ObjectType('Complaint')
@Directive('@key(fields: "id")')
export class ComplaintRef {
  @Field(() => ID) id: string;
}

@ObjectType('Delivery')
export class DeliveryObject {
  @Field(() => ID) id: string;
  @Field(() => DeliveryChannel) channel: DeliveryChannel;
  @Field(() => DeliveryStatus) status: DeliveryStatus;
  @Field(() => Int) attempts: number;
  @Field(() => GraphQLISODateTime, { nullable: true }) sentAt?: Date | null;
  @Field(() => String, { nullable: true }) lastError?: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the next attempt is due (not sent yet).' })
  nextAttemptAt?: Date | null;

  static from(d: Delivery): DeliveryObject {
    return Object.assign(new DeliveryObject(), {
      id: d.id,
      channel: d.channel,
      status: d.status,
      attempts: d.attempts,
      sentAt: d.sentAt ?? null,
      lastError: d.lastError ?? null,
      nextAttemptAt: d.status === DeliveryStatus.SENT || d.status === DeliveryStatus.PARKED ? null : d.nextAttemptAt,
    });
  }
}

@ObjectType('Notification')
export class NotificationObject {
  @Field(() => ID) id: string;
  @Field(() => NotificationKind) kind: NotificationKind;
  @Field() title: string;
  @Field() body: string;
  @Field(() => ID) siteId: string;
  @Field(() => ID, { nullable: true }) complaintId?: string | null;
  @Field(() => ComplaintRef, { nullable: true, description: 'The case, resolved by intake through federation.' })
  complaint?: ComplaintRef | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) readAt?: Date | null;
  @Field() ackRequired: boolean;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Acknowledge by then, or the next person is told.' })
  ackDueAt?: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) acknowledgedAt?: Date | null;
  @Field(() => [DeliveryObject]) deliveries: DeliveryObject[];

  static from(n: Notification, deliveries: Delivery[]): NotificationObject {
    return Object.assign(new NotificationObject(), {
      id: n.id,
      kind: n.kind,
      title: n.title,
      body: n.body,
      siteId: n.siteId,
      complaintId: n.complaintId ?? null,
      complaint: n.complaintId ? { id: n.complaintId } : null,
      createdAt: n.createdAt,
      readAt: n.readAt ?? null,
      ackRequired: n.ackRequired,
      ackDueAt: n.ackDueAt ?? null,
      acknowledgedAt: n.acknowledgedAt ?? null,
      deliveries: deliveries.filter((d) => d.notificationId === n.id && !d.target.startsWith('site-channel:')).map(DeliveryObject.from),
    });
  }
}

@ObjectType('NotificationEdge')
export class NotificationEdge {
  @Field() cursor: string;
  @Field(() => NotificationObject) node: NotificationObject;
}

@ObjectType('NotificationConnection')
export class NotificationConnection {
  @Field(() => [NotificationEdge]) edges: NotificationEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}

/** One message of a case's record: to whom, when, how, delivered and acknowledged when. */
@ObjectType('CaseNotification')
export class CaseNotificationObject {
  @Field(() => ID) recipientId: string;
  @Field(() => NotificationKind) kind: NotificationKind;
  @Field(() => DeliveryChannel) channel: DeliveryChannel;
  @Field(() => DeliveryStatus) status: DeliveryStatus;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) deliveredAt?: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) acknowledgedAt?: Date | null;
}

@ObjectType('NotificationChannel')
export class NotificationChannelObject {
  @Field(() => ID) id: string;
  @Field(() => ID) siteId: string;
  @Field(() => DeliveryChannel) channel: DeliveryChannel;
  @Field({ description: 'The address or URL; a robot URL is shown without its query (the key).' }) target: string;
  @Field({ description: 'Whether a signing secret is set (it is never read back).' }) hasSecret: boolean;
  @Field(() => [NotificationKind]) kinds: NotificationKind[];
  @Field(() => GraphQLISODateTime) savedAt: Date;

  static from(c: SiteChannel): NotificationChannelObject {
    const target = /^https?:/.test(c.target) ? c.target.replace(/\?.*$/, '?…') : c.target;
    return Object.assign(new NotificationChannelObject(), {
      id: c.id,
      siteId: c.siteId,
      channel: c.channel,
      target,
      hasSecret: Boolean(c.secret),
      kinds: c.kinds,
      savedAt: c.savedAt,
    });
  }
}

@ObjectType('NotificationPreferences')
export class NotificationPreferencesObject {
  @Field(() => [KindChannelsObject]) channels: KindChannelsObject[];
  @Field(() => String, { nullable: true }) quietStart?: string | null;
  @Field(() => String, { nullable: true }) quietEnd?: string | null;
  @Field() timeZone: string;
  @Field({ description: 'Whether an SMS number is set.' }) hasPhone: boolean;
}

@ObjectType('KindChannels')
export class KindChannelsObject {
  @Field(() => NotificationKind) kind: NotificationKind;
  @Field(() => [DeliveryChannel]) channels: DeliveryChannel[];
}

@ObjectType('NotificationPolicy')
export class NotificationPolicyObjectList {
  @Field(() => NotificationKind) kind: NotificationKind;
  @Field(() => Int) ackWithinMinutes: number;
}
