import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { DeliveryChannel } from '@pc/contracts';

/** A seat on the owners' committee (业委会, domain.md §7). */
export enum CommitteePosition {
  CHAIR = 'CHAIR',
  VICE_CHAIR = 'VICE_CHAIR',
  MEMBER = 'MEMBER',
}

/** A customer on a site's owners' committee, from a date until they leave it. */
@Entity({ tableName: 'committee_member' })
@Unique({ properties: ['siteId', 'customerId'] })
@Index({ properties: ['orgId', 'siteId'] })
export class CommitteeMember {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 64 }) customerId: string;
  @Property({ type: 'string', length: 16 }) position: CommitteePosition;
  /** YYYY-MM-DD. */
  @Property({ type: 'string', length: 10 }) since: string;
  /** YYYY-MM-DD: left the committee; null while a member. */
  @Property({ type: 'string', length: 10, nullable: true }) leftOn?: string | null;
  @Property({ type: 'string', length: 64 }) recordedBy: string;
  @Property({ type: 'datetime' }) recordedAt: Date;
}

/** A point raised at a committee meeting and the case it became (tracked to its answer). */
export interface CommitteeItem {
  kind: 'COMPLAINT' | 'SUGGESTION' | 'REQUEST';
  /** The complaint, or the inquiry desk's record of a suggestion or request. */
  id: string;
  description: string;
  /** The member who raised it. */
  raisedBy: string;
}

/** The monthly communication meeting with the owners' committee: attendance, minutes, points raised. */
@Entity({ tableName: 'committee_meeting' })
@Unique({ properties: ['siteId', 'heldAt'] })
@Index({ properties: ['orgId', 'siteId', 'month'] })
export class CommitteeMeeting {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  /** YYYY-MM in the site's calendar: the month this meeting counts for. */
  @Property({ type: 'string', length: 7 }) month: string;
  @Property({ type: 'datetime' }) heldAt: Date;
  /** Committee members present (customer ids). */
  @Property({ type: 'json' }) attendeeIds: string[];
  /** Staff present (user ids). */
  @Property({ type: 'json' }) staffIds: string[];
  @Property({ type: 'text' }) minutes: string;
  @Property({ type: 'json' }) items: CommitteeItem[];
  @Property({ type: 'string', length: 64 }) recordedBy: string;
  @Property({ type: 'datetime' }) recordedAt: Date;
}

/**
 * A site's durable monthly clock (domain.md §7: one meeting a month): `month` is the month watched,
 * `dueAt` its end in the site's time zone. When due, a month without a meeting is announced as overdue
 * (`committee.meeting_overdue`, once), and the clock moves to the next month.
 */
@Entity({ tableName: 'committee_clock' })
@Index({ properties: ['dueAt'] })
export class CommitteeClock {
  @PrimaryKey({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 7 }) month: string;
  @Property({ type: 'datetime' }) dueAt: Date;
}

export enum NoticeKind {
  OUTAGE = 'OUTAGE',
  WORKS = 'WORKS',
  ACTIVITY = 'ACTIVITY',
  POLICY = 'POLICY',
  /** The quality department's public answer to the annual survey (issue 31). */
  SURVEY_ANSWER = 'SURVEY_ANSWER',
  OTHER = 'OTHER',
}

/** Who a notice is for: the whole site, or areas, buildings and units of it (any mix). */
export interface NoticeAudience {
  wholeSite: boolean;
  areaIds: string[];
  buildings: string[];
  unitIds: string[];
}

/** A notice to residents (告示/通知): posted on their resident page and sent through notify's channels. */
@Entity({ tableName: 'resident_notice' })
@Index({ properties: ['orgId', 'siteId', 'publishedAt'] })
export class ResidentNotice {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 16 }) kind: NoticeKind;
  @Property({ type: 'string', length: 200 }) title: string;
  @Property({ type: 'text' }) body: string;
  @Property({ type: 'json' }) audience: NoticeAudience;
  /** The units the audience came to when published; null for the whole site. */
  @Property({ type: 'json', nullable: true }) unitIds?: string[] | null;
  @Property({ type: 'datetime' }) startsAt: Date;
  @Property({ type: 'datetime', nullable: true }) endsAt?: Date | null;
  @Property({ type: 'json' }) channels: DeliveryChannel[];
  /** The customers it was sent to by SMS (notify keeps each delivery's outcome). */
  @Property({ type: 'json' }) sentTo: string[];
  @Property({ type: 'string', length: 64 }) publishedBy: string;
  @Property({ type: 'datetime' }) publishedAt: Date;
}

/** A planned activity of a relationship plan, and what became of it. */
export interface PlanActivity {
  title: string;
  kind: 'EVENT' | 'VISIT' | 'OTHER';
  /** YYYY-MM-DD. */
  plannedOn: string;
  budgetYuan: number;
  done: boolean;
  spentYuan: number;
  /** Residents who signed up and came (an event's). */
  signedUp: number;
  attended: number;
  note?: string | null;
}

/** A yearly or monthly customer-relationship plan of a site (客户关系维护计划), with its money plan. */
@Entity({ tableName: 'relationship_plan' })
@Unique({ properties: ['siteId', 'period'] })
@Index({ properties: ['orgId', 'siteId', 'year'] })
export class RelationshipPlan {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'integer' }) year: number;
  /** `YYYY` for the yearly plan, `YYYY-MM` for a month's. */
  @Property({ type: 'string', length: 7 }) period: string;
  @Property({ type: 'json' }) goals: string[];
  @Property({ type: 'json' }) activities: PlanActivity[];
  @Property({ type: 'integer' }) budgetYuan: number;
  @Property({ type: 'string', length: 64 }) savedBy: string;
  @Property({ type: 'datetime' }) savedAt: Date;
}

export const RELATIONSHIP_ENTITIES = [CommitteeMember, CommitteeMeeting, CommitteeClock, ResidentNotice, RelationshipPlan];
