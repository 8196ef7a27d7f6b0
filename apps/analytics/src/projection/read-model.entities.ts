import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/*
 * The analytics read model. Everything here is built from the event stream (rebuildable with
 * `npm run analytics:rebuild`), except what people write in analytics itself (report submissions,
 * the case library, product suggestions). Instants are stored as ISO-8601 UTC strings
 * (`2026-11-03T08:15:00.000Z`): they sort and compare the same on PostgreSQL and SQLite, so the
 * aggregate SQL is one text for both. `area_id` is '' for a complaint without an area.
 */

/** Every event analytics received, once (the event id is the key): the audit trail and the source of the facts. */
@Entity({ tableName: 'analytics_event' })
@Index({ properties: ['caseId'] })
@Index({ properties: ['orgId', 'actor', 'occurredAt'] })
@Index({ properties: ['orgId', 'occurredAt'] })
export class EventRecord {
  @PrimaryKey({ type: 'string', length: 64 }) eventId: string;
  @Property({ type: 'string', length: 64 }) subject: string;
  @Property({ type: 'integer' }) version: number;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  /** The complaint, repair or paid service the event is about; for standalone records their own key. */
  @Property({ type: 'string', length: 80 }) caseId: string;
  @Property({ type: 'string', length: 64, nullable: true }) workOrderId?: string | null;
  @Property({ type: 'string', length: 64 }) actor: string;
  @Property({ type: 'string', length: 32, nullable: true }) channel?: string | null;
  @Property({ type: 'string', length: 30 }) occurredAt: string;
  /** The validated payload as JSON. */
  @Property({ type: 'text' }) payload: string;
}

/** One complaint (valid or not) as the month's reports see it. */
@Entity({ tableName: 'complaint_fact' })
@Index({ properties: ['orgId', 'month', 'siteId'] })
@Index({ properties: ['orgId', 'day'] })
export class ComplaintFact {
  @PrimaryKey({ type: 'string', length: 64 }) complaintId: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 64 }) areaId: string;
  @Property({ type: 'string', length: 64, nullable: true }) customerId?: string | null;
  /** Local month, day and week (Monday) of receipt in the site's time zone. */
  @Property({ type: 'string', length: 7 }) month: string;
  @Property({ type: 'string', length: 10 }) day: string;
  @Property({ type: 'string', length: 10 }) week: string;
  @Property({ type: 'string', length: 30 }) receivedAt: string;
  @Property({ type: 'boolean' }) valid: boolean;
  @Property({ type: 'string', length: 32 }) category: string;
  @Property({ type: 'string', length: 16 }) severity: string;
  @Property({ type: 'string', length: 32 }) channel: string;
  @Property({ type: 'string', length: 32 }) leadDepartment: string;
  @Property({ type: 'boolean' }) resolvedAtIntake: boolean;
  /** A rule-A repeat (the same unresolved matter raised again) involves this complaint. */
  @Property({ type: 'boolean' }) repeat: boolean;
  @Property({ type: 'string', length: 30, nullable: true }) resolvedAt?: string | null;
  @Property({ type: 'string', length: 30, nullable: true }) closedAt?: string | null;
  /** Rework rounds the complaint went through (1 = none). */
  @Property({ type: 'integer' }) rounds: number;
  /** Minutes from receipt to the first handling plan signed off, and to the first resolution. */
  @Property({ type: 'integer', nullable: true }) planMinutes?: number | null;
  @Property({ type: 'integer', nullable: true }) resolveMinutes?: number | null;
  @Property({ type: 'string', length: 32, nullable: true }) cause?: string | null;
}

/** Each department a complaint was routed to (byDepartment, and the KPI department filter). */
@Entity({ tableName: 'complaint_department_fact' })
@Index({ properties: ['orgId', 'month', 'siteId'] })
export class DepartmentFact {
  @PrimaryKey({ type: 'string', length: 64 }) complaintId: string;
  @PrimaryKey({ type: 'string', length: 32 }) department: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 64 }) areaId: string;
  @Property({ type: 'string', length: 7 }) month: string;
  @Property({ type: 'boolean' }) lead: boolean;
  @Property({ type: 'boolean' }) valid: boolean;
}

/** One work order (disposal form) as it now stands, from its newest handling record. */
@Entity({ tableName: 'work_order_fact' })
@Index({ properties: ['complaintId'] })
@Index({ properties: ['orgId', 'month', 'siteId'] })
export class WorkOrderFact {
  @PrimaryKey({ type: 'string', length: 64 }) workOrderId: string;
  @Property({ type: 'string', length: 64 }) complaintId: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 64 }) areaId: string;
  /** The complaint's month (a work order counts where its complaint does). */
  @Property({ type: 'string', length: 7 }) month: string;
  @Property({ type: 'string', length: 16 }) severity: string;
  @Property({ type: 'string', length: 32 }) category: string;
  @Property({ type: 'string', length: 32 }) department: string;
  @Property({ type: 'boolean' }) lead: boolean;
  @Property({ type: 'string', length: 32 }) status: string;
  @Property({ type: 'integer' }) round: number;
  @Property({ type: 'integer' }) revision: number;
  @Property({ type: 'string', length: 32 }) escalationLevel: string;
  @Property({ type: 'integer' }) escalations: number;
  @Property({ type: 'integer' }) extensions: number;
  @Property({ type: 'text', nullable: true }) plan?: string | null;
  @Property({ type: 'string', length: 64, nullable: true }) handlerId?: string | null;
  @Property({ type: 'string', length: 30, nullable: true }) resolvedAt?: string | null;
  @Property({ type: 'text', nullable: true }) resolution?: string | null;
  @Property({ type: 'string', length: 32, nullable: true }) cause?: string | null;
  @Property({ type: 'text', nullable: true }) causeAnalysis?: string | null;
  @Property({ type: 'text', nullable: true }) correctiveActionReport?: string | null;
  @Property({ type: 'string', length: 30, nullable: true }) closedAt?: string | null;
}

/** One SLA clock of one round of a work order (INVALID_REPLY is keyed by the complaint id). */
@Entity({ tableName: 'deadline_fact' })
@Index({ properties: ['complaintId'] })
@Index({ properties: ['orgId', 'month', 'siteId'] })
export class DeadlineFact {
  @PrimaryKey({ type: 'string', length: 64 }) workOrderId: string;
  @PrimaryKey({ type: 'integer' }) round: number;
  @PrimaryKey({ type: 'string', length: 32 }) clock: string;
  @Property({ type: 'string', length: 64 }) complaintId: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 64 }) areaId: string;
  @Property({ type: 'string', length: 7 }) month: string;
  @Property({ type: 'string', length: 10 }) day: string;
  @Property({ type: 'string', length: 10 }) week: string;
  @Property({ type: 'string', length: 32 }) category: string;
  @Property({ type: 'string', length: 32 }) department: string;
  @Property({ type: 'string', length: 30 }) dueAt: string;
  @Property({ type: 'string', length: 30, nullable: true }) metAt?: string | null;
  @Property({ type: 'string', length: 30, nullable: true }) breachedAt?: string | null;
  /** MET_ON_TIME, MET_LATE, BREACHED (passed, not met), OPEN or CANCELLED. */
  @Property({ type: 'string', length: 16 }) outcome: string;
}

/** One step up the chain. */
@Entity({ tableName: 'escalation_fact' })
@Index({ properties: ['orgId', 'month', 'siteId'] })
@Index({ properties: ['complaintId'] })
export class EscalationFact {
  @PrimaryKey({ type: 'string', length: 64 }) eventId: string;
  @Property({ type: 'string', length: 64 }) complaintId: string;
  @Property({ type: 'string', length: 64 }) workOrderId: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 64 }) areaId: string;
  @Property({ type: 'string', length: 7 }) month: string;
  @Property({ type: 'string', length: 32 }) toLevel: string;
  @Property({ type: 'string', length: 32, nullable: true }) clock?: string | null;
  @Property({ type: 'string', length: 30 }) at: string;
}

/** One callback owed for a resolution; its month is the resolution's (as `callbackCoverage` counts it). */
@Entity({ tableName: 'callback_fact' })
@Index({ properties: ['orgId', 'month', 'siteId'] })
@Index({ properties: ['caseId'] })
export class CallbackFact {
  @PrimaryKey({ type: 'string', length: 64 }) callbackId: string;
  @Property({ type: 'string', length: 64 }) caseId: string;
  @Property({ type: 'string', length: 16 }) kind: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 64 }) areaId: string;
  @Property({ type: 'string', length: 7 }) month: string;
  @Property({ type: 'string', length: 10 }) day: string;
  @Property({ type: 'string', length: 10 }) week: string;
  @Property({ type: 'integer' }) round: number;
  /** OPEN, DONE or UNREACHABLE (the callback service's statuses). */
  @Property({ type: 'string', length: 16 }) status: string;
  @Property({ type: 'string', length: 30 }) dueAt: string;
  @Property({ type: 'string', length: 30 }) resolvedAt: string;
  @Property({ type: 'string', length: 30, nullable: true }) completedAt?: string | null;
  @Property({ type: 'string', length: 32, nullable: true }) satisfaction?: string | null;
}

/** A contractor fine (count and yuan in the month it was imposed). */
@Entity({ tableName: 'penalty_fact' })
@Index({ properties: ['orgId', 'month', 'siteId'] })
@Index({ properties: ['workOrderId'] })
export class PenaltyFact {
  @PrimaryKey({ type: 'string', length: 64 }) penaltyId: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 7 }) month: string;
  @Property({ type: 'string', length: 64, nullable: true }) workOrderId?: string | null;
  @Property({ type: 'string', length: 200 }) contractor: string;
  @Property({ type: 'string', length: 32 }) failure: string;
  @Property({ type: 'string', length: 30 }) at: string;
  @Property({ type: 'integer', nullable: true }) amountYuan?: number | null;
}

@Entity({ tableName: 'emergency_fact' })
@Index({ properties: ['orgId', 'month', 'siteId'] })
@Index({ properties: ['workOrderId'] })
export class EmergencyFact {
  @PrimaryKey({ type: 'string', length: 64 }) emergencyId: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 7 }) month: string;
  @Property({ type: 'string', length: 64, nullable: true }) workOrderId?: string | null;
  @Property({ type: 'string', length: 30 }) reportedAt: string;
}

/**
 * One message acknowledged (domain.md §6): how long its recipient took, by kind and site, in the
 * local month, week and day of the acknowledgement. A message never acknowledged has no row: its
 * ladder told the next person, and that person's acknowledgement is a row of its own.
 */
@Entity({ tableName: 'acknowledgement_fact' })
@Index({ properties: ['orgId', 'month', 'siteId'] })
@Index({ properties: ['orgId', 'day'] })
@Index({ properties: ['caseId'] })
export class AcknowledgementFact {
  @PrimaryKey({ type: 'string', length: 64 }) notificationId: string;
  /** The complaint (its trail shows the acknowledgement), or `ack:<notificationId>` for a message about no case. */
  @Property({ type: 'string', length: 80 }) caseId: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 64, nullable: true }) complaintId?: string | null;
  @Property({ type: 'string', length: 7 }) month: string;
  @Property({ type: 'string', length: 10 }) day: string;
  @Property({ type: 'string', length: 10 }) week: string;
  @Property({ type: 'string', length: 32 }) kind: string;
  @Property({ type: 'string', length: 64 }) recipientId: string;
  @Property({ type: 'string', length: 30 }) createdAt: string;
  @Property({ type: 'string', length: 30 }) acknowledgedAt: string;
  /** Seconds from the message to its acknowledgement. */
  @Property({ type: 'integer' }) seconds: number;
}

/** One survey response: answers on the four levels and follow-ups for dissatisfied items. */
@Entity({ tableName: 'survey_fact' })
@Index({ properties: ['orgId', 'month', 'siteId'] })
@Index({ properties: ['groupId', 'siteId'] })
@Index({ properties: ['surveyId'] })
export class SurveyFact {
  @PrimaryKey({ type: 'string', length: 64 }) responseId: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 7 }) month: string;
  /** The four-level answers of the response, and how they fell (issue 31: a group's results add these rows, one per response). */
  @Property({ type: 'integer' }) answers: number;
  @Property({ type: 'integer' }) dissatisfied: number;
  @Property({ type: 'integer' }) followUps: number;
  @Property({ type: 'string', length: 64, nullable: true }) surveyId?: string | null;
  @Property({ type: 'string', length: 64, nullable: true }) groupId?: string | null;
  @Property({ type: 'integer', default: 0 }) verySatisfied: number = 0;
  @Property({ type: 'integer', default: 0 }) satisfied: number = 0;
  @Property({ type: 'integer', default: 0 }) basicallySatisfied: number = 0;
}

/** One answered question of a survey response (issue 31): the results per question, area, customer kind and site. */
@Entity({ tableName: 'survey_answer_fact' })
@Index({ properties: ['surveyId', 'question', 'satisfaction'] })
@Index({ properties: ['groupId', 'siteId', 'satisfaction'] })
export class SurveyAnswerFact {
  @PrimaryKey({ type: 'string', length: 64 }) responseId: string;
  @PrimaryKey({ type: 'integer' }) question: number;
  @Property({ type: 'string', length: 64 }) surveyId: string;
  @Property({ type: 'string', length: 64, nullable: true }) groupId?: string | null;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 64, nullable: true }) areaId?: string | null;
  @Property({ type: 'string', length: 64, nullable: true }) customerId?: string | null;
  @Property({ type: 'string', length: 16, nullable: true }) customerKind?: string | null;
  @Property({ type: 'string', length: 16 }) kind: string;
  @Property({ type: 'string', length: 32, nullable: true }) satisfaction?: string | null;
  @Property({ type: 'string', length: 200, nullable: true }) choice?: string | null;
  @Property({ type: 'text', nullable: true }) text?: string | null;
  @Property({ type: 'string', length: 64, nullable: true }) followUpId?: string | null;
  @Property({ type: 'string', length: 30 }) answeredAt: string;
}

/** A survey campaign as it opened (issue 31): its questions (JSON text) and sample size. */
@Entity({ tableName: 'survey_campaign_fact' })
@Index({ properties: ['orgId', 'siteId', 'kind', 'period'] })
@Index({ properties: ['groupId'] })
export class SurveyCampaignFact {
  @PrimaryKey({ type: 'string', length: 64 }) surveyId: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 64, nullable: true }) groupId?: string | null;
  @Property({ type: 'string', length: 32 }) kind: string;
  @Property({ type: 'string', length: 16 }) period: string;
  @Property({ type: 'text' }) questions: string;
  @Property({ type: 'integer', nullable: true }) sampleSize?: number | null;
  @Property({ type: 'string', length: 30 }) openedAt: string;
  @Property({ type: 'string', length: 30, nullable: true }) closesAt?: string | null;
}

/** Sites as the registry announced them (name and time zone for reports and exports). */
@Entity({ tableName: 'site_fact' })
export class SiteFact {
  @PrimaryKey({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 200 }) name: string;
  @Property({ type: 'string', length: 64 }) timeZone: string;
}

/**
 * The month's figures pre-aggregated per site and area (`dim`, `key` → `n`), kept by the projection:
 * a report sums these rows, so its cost follows the number of sites, not of complaints.
 */
@Entity({ tableName: 'report_cube' })
@Index({ properties: ['orgId', 'month'] })
export class CubeRow {
  @PrimaryKey({ type: 'string', length: 64 }) orgId: string;
  @PrimaryKey({ type: 'string', length: 7 }) month: string;
  @PrimaryKey({ type: 'string', length: 64 }) siteId: string;
  @PrimaryKey({ type: 'string', length: 64 }) areaId: string;
  @PrimaryKey({ type: 'string', length: 40 }) dim: string;
  @PrimaryKey({ type: 'string', length: 64 }) key: string;
  @Property({ type: 'bigint' }) n: number;
}

/** Complaints per customer and month (repeat complainants: more than one, or a rule-A repeat). */
@Entity({ tableName: 'customer_month' })
@Index({ properties: ['orgId', 'month', 'flagged'] })
export class CustomerMonth {
  @PrimaryKey({ type: 'string', length: 64 }) orgId: string;
  @PrimaryKey({ type: 'string', length: 7 }) month: string;
  @PrimaryKey({ type: 'string', length: 64 }) siteId: string;
  @PrimaryKey({ type: 'string', length: 64 }) customerId: string;
  @Property({ type: 'string', length: 64 }) areaId: string;
  @Property({ type: 'integer' }) complaints: number;
  @Property({ type: 'boolean' }) repeat: boolean;
  @Property({ type: 'boolean' }) flagged: boolean;
}

export const READ_MODEL_ENTITIES = [
  EventRecord,
  ComplaintFact,
  DepartmentFact,
  WorkOrderFact,
  DeadlineFact,
  EscalationFact,
  CallbackFact,
  PenaltyFact,
  EmergencyFact,
  AcknowledgementFact,
  SurveyFact,
  SurveyAnswerFact,
  SurveyCampaignFact,
  SiteFact,
  CubeRow,
  CustomerMonth,
];
