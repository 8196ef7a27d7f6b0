import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { CallbackKind, Satisfaction, Severity } from '@pc/contracts';

export enum CallbackMethod {
  PHONE = 'PHONE',
  WECHAT = 'WECHAT',
  LETTER = 'LETTER',
  VISIT = 'VISIT',
  /** The customer's own answer on the resident page (issue 30). */
  APP = 'APP',
}

export enum CallbackStatus {
  /** Owed: not yet reached. */
  OPEN = 'OPEN',
  /** The customer was reached and the result recorded. */
  DONE = 'DONE',
  /** Every attempt failed; passed to the area manager (escalated). */
  UNREACHABLE = 'UNREACHABLE',
}

/** The price check of a callback (paid services above all): was the charge what was agreed? */
export enum PriceCheck {
  FAIR = 'FAIR',
  TOO_HIGH = 'TOO_HIGH',
  NOT_CHARGED = 'NOT_CHARGED',
}

/** Attempts before an unreachable customer's callback is escalated. */
export const MAX_ATTEMPTS = 3;

/** A return visit (回访) owed to the customer after a complaint, repair or paid service was resolved. */
@Entity({ tableName: 'callback' })
@Unique({ properties: ['caseId', 'round'] })
@Index({ properties: ['orgId', 'siteId', 'dueAt'] })
@Index({ properties: ['orgId', 'assignee', 'status', 'dueAt'] })
@Index({ properties: ['orgId', 'resolvedAt'] })
export class Callback {
  [OptionalProps]?: 'kind' | 'status' | 'attempts' | 'timeZone' | 'handledBy';
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 64, nullable: true }) areaId?: string | null;
  @Property({ type: 'string', length: 64, nullable: true }) areaManagerId?: string | null;
  @Property({ type: 'string', length: 16, default: CallbackKind.COMPLAINT }) kind: CallbackKind = CallbackKind.COMPLAINT;
  /** The complaint (kind COMPLAINT) or the repair / paid service called back about. */
  @Property({ type: 'string', length: 64, fieldName: 'complaint_id' }) caseId: string;
  /** 1 for the first callback; a callback after rework is the next round. */
  @Property({ type: 'integer' }) round: number;
  @Property({ type: 'string', length: 16 }) severity: Severity;
  @Property({ type: 'string', length: 64 }) assignee: string;
  /** Who handled the case: never the one who records its callback. */
  @Property({ type: 'json', default: '[]' }) handledBy: string[] = [];
  /** How it must be done: phone or WeChat for minor, an in-person visit for major (domain.md §4). */
  @Property({ type: 'json' }) allowedMethods: CallbackMethod[];
  @Property({ type: 'datetime' }) resolvedAt: Date;
  /** Time zone of the monthly coverage buckets. */
  @Property({ type: 'string', length: 64, default: 'Asia/Shanghai' }) timeZone: string = 'Asia/Shanghai';
  @Property({ type: 'datetime' }) dueAt: Date;
  @Property({ type: 'datetime' }) createdAt: Date;
  @Property({ type: 'string', length: 16, default: CallbackStatus.OPEN }) status: CallbackStatus = CallbackStatus.OPEN;
  @Property({ type: 'integer', default: 0 }) attempts: number = 0;
  @Property({ type: 'datetime', nullable: true }) nextAttemptAt?: Date | null;
  /** Set once by the scheduler when the due time passed without a result (`callback.overdue`). */
  @Property({ type: 'datetime', nullable: true }) overdueAt?: Date | null;
  @Property({ type: 'string', length: 64, nullable: true }) escalatedTo?: string | null;
  @Property({ type: 'datetime', nullable: true }) completedAt?: Date | null;
  @Property({ type: 'string', length: 16, nullable: true }) method?: CallbackMethod | null;
  /** Who was reached (the customer, or who answered for the household). */
  @Property({ type: 'string', length: 200, nullable: true }) reached?: string | null;
  @Property({ type: 'string', length: 32, nullable: true }) serviceQuality?: Satisfaction | null;
  @Property({ type: 'string', length: 32, nullable: true }) attitude?: Satisfaction | null;
  @Property({ type: 'string', length: 16, nullable: true }) priceCheck?: PriceCheck | null;
  @Property({ type: 'string', length: 32, nullable: true }) satisfaction?: Satisfaction | null;
  @Property({ type: 'text', nullable: true }) shortcomings?: string | null;
  @Property({ type: 'text', nullable: true }) suggestions?: string | null;
  @Property({ type: 'text', nullable: true }) notes?: string | null;
  @Property({ type: 'string', length: 64, nullable: true }) completedBy?: string | null;
}

/** An attempt that did not reach the customer, with the plan for the next one. */
@Entity({ tableName: 'callback_attempt' })
@Index({ properties: ['callbackId', 'at'] })
export class CallbackAttempt {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) callbackId: string;
  @Property({ type: 'string', length: 16 }) method: CallbackMethod;
  @Property({ type: 'text', nullable: true }) note?: string | null;
  @Property({ type: 'string', length: 64 }) by: string;
  @Property({ type: 'datetime' }) at: Date;
  @Property({ type: 'datetime', nullable: true }) retryAt?: Date | null;
}
