import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/** A site's shifts (domain.md §6): they cover the site's 24 hours; `HH:MM` in the site's time zone. */
@Entity({ tableName: 'site_shift' })
@Index({ properties: ['orgId', 'siteId'] })
export class SiteShift {
  /** `<siteId>|<name>`. */
  @PrimaryKey({ type: 'string', length: 200 }) id: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 64 }) name: string;
  @Property({ type: 'string', length: 5 }) startsAt: string;
  @Property({ type: 'string', length: 5 }) endsAt: string;
}

/** The duty staff of one shift on one date (the date the shift begins). */
@Entity({ tableName: 'duty_assignment' })
@Index({ properties: ['orgId', 'siteId', 'date'] })
export class DutyAssignment {
  /** `<siteId>|<date>|<shift>`. */
  @PrimaryKey({ type: 'string', length: 200 }) id: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 10 }) date: string;
  @Property({ type: 'string', length: 64 }) shift: string;
  @Property({ type: 'json' }) staffIds: string[];
  @Property({ type: 'string', length: 64 }) assignedBy: string;
}

/** The duty director (值班主任) of one site on one date. */
@Entity({ tableName: 'duty_director' })
@Index({ properties: ['orgId', 'siteId', 'date'] })
export class DutyDirector {
  /** `<siteId>|<date>`. */
  @PrimaryKey({ type: 'string', length: 200 }) id: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 10 }) date: string;
  @Property({ type: 'string', length: 64 }) userId: string;
  @Property({ type: 'string', length: 64 }) assignedBy: string;
}

export interface HandoverItem {
  kind: 'DEADLINE' | 'UNACKNOWLEDGED' | 'EMERGENCY';
  complaintId?: string | null;
  workOrderId?: string | null;
  notificationId?: string | null;
  text: string;
  dueAt?: string | null;
}

/** The outgoing shift's handover (值班登记表): what is open, a note; the incoming shift acknowledges. */
@Entity({ tableName: 'shift_handover' })
@Index({ properties: ['orgId', 'siteId', 'createdAt'] })
@Unique({ properties: ['siteId', 'date', 'shift'] })
export class ShiftHandover {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 10 }) date: string;
  @Property({ type: 'string', length: 64 }) shift: string;
  @Property({ type: 'string', length: 10 }) toDate: string;
  @Property({ type: 'string', length: 64 }) toShift: string;
  @Property({ type: 'string', length: 64 }) handedOverBy: string;
  @Property({ type: 'text' }) note: string;
  @Property({ type: 'json' }) items: HandoverItem[];
  @Property({ type: 'datetime' }) createdAt: Date;
  @Property({ type: 'string', length: 64, nullable: true }) acknowledgedBy?: string | null;
  @Property({ type: 'datetime', nullable: true }) acknowledgedAt?: Date | null;
}

/** When a site's roster is next checked a week ahead for shifts with nobody on duty (a durable timer per site). */
@Entity({ tableName: 'roster_check' })
@Index({ properties: ['nextCheckAt'] })
export class RosterCheck {
  @PrimaryKey({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'datetime' }) nextCheckAt: Date;
}
