import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/** Why a customer is a key customer (重点客户, domain.md §7). */
export enum KeyCustomerReason {
  LONG_UNPAID = 'LONG_UNPAID',
  REPEAT_COMPLAINANT = 'REPEAT_COMPLAINANT',
  IMPORTANT_OWNER = 'IMPORTANT_OWNER',
  COMMITTEE_MEMBER = 'COMMITTEE_MEMBER',
  OTHER = 'OTHER',
}

/** How a customer holds a unit. */
export enum HoldingRole {
  OWNER = 'OWNER',
  TENANT = 'TENANT',
}

/** A unit a customer holds (owner or tenant) from the move-in date, until they move out. */
@Entity({ tableName: 'unit_holding' })
@Unique({ properties: ['customerId', 'unitId', 'role', 'movedInOn'] })
@Index({ properties: ['orgId', 'siteId', 'customerId'] })
export class UnitHolding {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 64 }) customerId: string;
  @Property({ type: 'string', length: 64 }) unitId: string;
  @Property({ type: 'string', length: 16 }) role: HoldingRole;
  /** The move-in date (YYYY-MM-DD, the site's calendar). */
  @Property({ type: 'string', length: 10 }) movedInOn: string;
  @Property({ type: 'string', length: 10, nullable: true }) movedOutOn?: string | null;
  @Property({ type: 'string', length: 64 }) recordedBy: string;
  @Property({ type: 'datetime' }) recordedAt: Date;
}

/** A key customer's tag: one per reason, set by staff or (REPEAT_COMPLAINANT) by rule A itself. */
@Entity({ tableName: 'key_customer_tag' })
@Unique({ properties: ['customerId', 'reason'] })
@Index({ properties: ['orgId', 'siteId', 'customerId'] })
export class KeyCustomerTag {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 64 }) customerId: string;
  @Property({ type: 'string', length: 32 }) reason: KeyCustomerReason;
  @Property({ type: 'text', nullable: true }) note?: string | null;
  /** A staff user's id, or `system` for a tag set by a rule. */
  @Property({ type: 'string', length: 64 }) taggedBy: string;
  @Property({ type: 'datetime' }) taggedAt: Date;
}

export enum ClaimDecision {
  ACCEPTED = 'ACCEPTED',
  PARTLY_ACCEPTED = 'PARTLY_ACCEPTED',
  REJECTED = 'REJECTED',
}

/** A claim for compensation (索赔档案): what the customer asks, the evidence, the decision and the payment. */
@Entity({ tableName: 'claim' })
@Index({ properties: ['orgId', 'siteId', 'customerId', 'claimedAt'] })
export class Claim {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 64 }) customerId: string;
  /** The complaint the claim arises from, when there is one. */
  @Property({ type: 'string', length: 64, nullable: true }) complaintId?: string | null;
  @Property({ type: 'text' }) description: string;
  @Property({ type: 'integer' }) amountClaimedYuan: number;
  /** Photos, receipts and letters: keys issued by the attachment store. */
  @Property({ type: 'json' }) evidence: string[] = [];
  @Property({ type: 'datetime' }) claimedAt: Date;
  @Property({ type: 'string', length: 64 }) recordedBy: string;
  @Property({ type: 'string', length: 32, nullable: true }) decision?: ClaimDecision | null;
  @Property({ type: 'integer', nullable: true }) amountAwardedYuan?: number | null;
  @Property({ type: 'text', nullable: true }) decisionReason?: string | null;
  @Property({ type: 'string', length: 64, nullable: true }) decidedBy?: string | null;
  @Property({ type: 'datetime', nullable: true }) decidedAt?: Date | null;
  @Property({ type: 'datetime', nullable: true }) paidAt?: Date | null;
  @Property({ type: 'string', length: 64, nullable: true }) paidBy?: string | null;
}

/** Who opened a customer's file, and when (档案查询、签阅). */
@Entity({ tableName: 'customer_file_opening' })
@Index({ properties: ['orgId', 'siteId', 'openedAt'] })
@Index({ properties: ['customerId', 'openedAt'] })
export class CustomerFileOpening {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 64 }) customerId: string;
  @Property({ type: 'string', length: 64 }) openedBy: string;
  @Property({ type: 'datetime' }) openedAt: Date;
}

export enum VisitKind {
  /** A key customer, door to door (重点客户走访). */
  KEY_CUSTOMER = 'KEY_CUSTOMER',
  /** A random phone return visit, drawn by the system from the site's customers (随机电话回访). */
  RANDOM_PHONE = 'RANDOM_PHONE',
  /** After a large repair (大修后回访). */
  AFTER_REPAIR = 'AFTER_REPAIR',
}

export enum VisitStatus {
  PLANNED = 'PLANNED',
  DONE = 'DONE',
}

/** A visit (走访/回访, domain.md §7): planned for a month, recorded with the customer's view and what they raised. */
@Entity({ tableName: 'visit' })
@Unique({ properties: ['customerId', 'month', 'kind'] })
@Index({ properties: ['orgId', 'siteId', 'month'] })
export class Visit {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 64 }) customerId: string;
  /** YYYY-MM in the site's calendar. */
  @Property({ type: 'string', length: 7 }) month: string;
  @Property({ type: 'string', length: 16 }) kind: VisitKind;
  /** The repair a visit after a large repair follows. */
  @Property({ type: 'string', length: 64, nullable: true }) serviceRequestId?: string | null;
  @Property({ type: 'string', length: 8 }) status: VisitStatus = VisitStatus.PLANNED;
  @Property({ type: 'string', length: 64 }) plannedBy: string;
  @Property({ type: 'datetime' }) plannedAt: Date;
  @Property({ type: 'datetime', nullable: true }) visitedAt?: Date | null;
  @Property({ type: 'string', length: 64, nullable: true }) visitedBy?: string | null;
  /** The customer's view, in their words. */
  @Property({ type: 'text', nullable: true }) view?: string | null;
  @Property({ type: 'string', length: 32, nullable: true }) satisfaction?: string | null;
  /** What the customer raised and became a case: complaint and inquiry ids. */
  @Property({ type: 'json' }) raised: { kind: string; id: string }[] = [];
}

export const CUSTOMER_ENTITIES = [UnitHolding, KeyCustomerTag, Claim, CustomerFileOpening, Visit];
