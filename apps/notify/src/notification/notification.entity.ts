import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { Category, DeliveryChannel, DeliveryStatus, Department, NotificationKind, Role, Severity, SlaClock } from '@pc/contracts';
import type { Audience } from './notify-rules';

/**
 * One message to one person (domain.md §6): a durable row per (source, recipient) — a redelivered
 * event finds it and adds nothing. Its deliveries (one per channel) carry the sending.
 */
@Entity({ tableName: 'notification' })
@Unique({ properties: ['sourceKey', 'recipientId'] })
@Index({ properties: ['recipientId', 'createdAt'] })
@Index({ properties: ['complaintId'] })
@Index({ properties: ['ackDueAt'] })
export class Notification {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 64 }) recipientId: string;
  @Property({ type: 'string', length: 32 }) kind: NotificationKind;
  @Property({ type: 'string', length: 300 }) title: string;
  @Property({ type: 'text' }) body: string;
  @Property({ type: 'string', length: 64, nullable: true }) complaintId?: string | null;
  @Property({ type: 'string', length: 64, nullable: true }) workOrderId?: string | null;
  /** The event (and rule step) it came from: with the recipient, what makes it once only. */
  @Property({ type: 'string', length: 200 }) sourceKey: string;
  @Property({ type: 'datetime' }) createdAt: Date;
  @Property({ type: 'datetime', nullable: true }) readAt?: Date | null;
  @Property({ type: 'boolean' }) ackRequired: boolean;
  @Property({ type: 'datetime', nullable: true }) ackDueAt?: Date | null;
  @Property({ type: 'datetime', nullable: true }) acknowledgedAt?: Date | null;
  /** Urgent kinds ignore quiet hours. */
  @Property({ type: 'boolean' }) urgent: boolean;
  /** Who is told next while nobody acknowledges, and the minutes each step has. */
  @Property({ type: 'json' }) ladder: Audience[];
  @Property({ type: 'integer', default: 0 }) ladderStep: number = 0;
  @Property({ type: 'integer', nullable: true }) ackWithinMinutes?: number | null;
  /** When the ladder went past this message (its next step was told). */
  @Property({ type: 'datetime', nullable: true }) escalatedAt?: Date | null;
  /** The recipient's roles when it was created (the head's acknowledgement meets REPORT_TO_HEAD). */
  @Property({ type: 'json' }) recipientRoles: Role[];
  /** Where a resident's message points (their case's resident page); staff messages link into the console. */
  @Property({ type: 'string', length: 1000, nullable: true }) link?: string | null;
}

/** One channel's attempt to reach a recipient (or a site's robot) with a notification. */
@Entity({ tableName: 'delivery' })
@Unique({ properties: ['notificationId', 'channel', 'target'] })
@Index({ properties: ['status', 'nextAttemptAt'] })
@Index({ properties: ['orgId', 'status'] })
export class Delivery {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) notificationId: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 16 }) channel: DeliveryChannel;
  /** The person's id for personal channels; `site-channel:<id>` for robots and webhooks; `phone:<number>` for a resident's SMS. */
  @Property({ type: 'string', length: 200 }) target: string;
  @Property({ type: 'string', length: 16 }) status: DeliveryStatus;
  @Property({ type: 'integer', default: 0 }) attempts: number = 0;
  @Property({ type: 'datetime' }) nextAttemptAt: Date;
  @Property({ type: 'datetime', nullable: true }) sentAt?: Date | null;
  @Property({ type: 'text', nullable: true }) lastError?: string | null;
  @Property({ type: 'string', length: 200, nullable: true }) providerId?: string | null;
  /** The delivery this one falls back from (an outside channel that failed). */
  @Property({ type: 'string', length: 64, nullable: true }) fallbackOf?: string | null;
  @Property({ type: 'datetime' }) createdAt: Date;
}

/** A site's outside channel: an e-mail list, an SMS number, a group robot or a signed webhook. */
@Entity({ tableName: 'site_channel' })
@Unique({ properties: ['siteId', 'channel', 'target'] })
@Index({ properties: ['orgId', 'siteId'] })
export class SiteChannel {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 16 }) channel: DeliveryChannel;
  @Property({ type: 'string', length: 1000 }) target: string;
  /** The robot's signing secret (written, never read back through the API). */
  @Property({ type: 'string', length: 200, nullable: true }) secret?: string | null;
  @Property({ type: 'json' }) kinds: NotificationKind[];
  @Property({ type: 'string', length: 64 }) savedBy: string;
  @Property({ type: 'datetime' }) savedAt: Date;
}

/** A person's channels per kind and quiet hours. */
@Entity({ tableName: 'notification_preference' })
export class NotificationPreference {
  @PrimaryKey({ type: 'string', length: 64 }) userId: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'json' }) channels: Partial<Record<NotificationKind, DeliveryChannel[]>>;
  @Property({ type: 'string', length: 5, nullable: true }) quietStart?: string | null;
  @Property({ type: 'string', length: 5, nullable: true }) quietEnd?: string | null;
  @Property({ type: 'string', length: 64, nullable: true }) phone?: string | null;
  @Property({ type: 'string', length: 64 }) timeZone: string;
}

/** An organisation's override of the time to acknowledge a kind (ADMIN). */
@Entity({ tableName: 'notification_policy' })
export class NotificationPolicy {
  @PrimaryKey({ type: 'string', length: 64 }) orgId: string;
  @PrimaryKey({ type: 'string', length: 32 }) kind: NotificationKind;
  @Property({ type: 'integer' }) ackWithinMinutes: number;
}

/** What notify knows of a case, from the events (the recipients of its messages come from it). */
@Entity({ tableName: 'case_file' })
export class CaseFile {
  @PrimaryKey({ type: 'string', length: 64 }) complaintId: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 64, nullable: true }) areaManagerId?: string | null;
  @Property({ type: 'string', length: 32, nullable: true }) category?: Category | null;
  @Property({ type: 'string', length: 16, nullable: true }) severity?: Severity | null;
  @Property({ type: 'string', length: 64, nullable: true }) timeZone?: string | null;
}

/** A work order's handler and open deadlines, with the warnings still to give (50 % and 80 % of each clock's time). */
@Entity({ tableName: 'deadline_watch' })
@Index({ properties: ['nextWarnAt'] })
@Index({ properties: ['workOrderId'] })
export class DeadlineWatch {
  /** `<workOrderId>|<clock>|<round>`. */
  @PrimaryKey({ type: 'string', length: 200 }) id: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 64 }) complaintId: string;
  @Property({ type: 'string', length: 64 }) workOrderId: string;
  @Property({ type: 'string', length: 32 }) department: Department;
  @Property({ type: 'string', length: 32 }) clock: SlaClock;
  @Property({ type: 'datetime' }) startAt: Date;
  @Property({ type: 'datetime' }) dueAt: Date;
  /** The next warning's time, or null once both were given or the clock was met, breached or cancelled. */
  @Property({ type: 'datetime', nullable: true }) nextWarnAt?: Date | null;
  /** Not met, breached or cancelled yet. */
  @Property({ type: 'boolean', default: true }) open: boolean = true;
  /** 0, 50 or 80: the last warning given. */
  @Property({ type: 'integer', default: 0 }) warned: number = 0;
  @Property({ type: 'string', length: 64, nullable: true }) handlerId?: string | null;
}
