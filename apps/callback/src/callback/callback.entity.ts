import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Satisfaction, Severity } from '@pc/contracts';

export enum CallbackMethod {
  PHONE = 'PHONE',
  WECHAT = 'WECHAT',
  LETTER = 'LETTER',
  VISIT = 'VISIT',
}

/** A return visit (回访) owed to the customer after resolution. */
@Entity({ tableName: 'callback' })
@Unique({ properties: ['complaintId', 'round'] })
@Index({ properties: ['orgId', 'siteId', 'dueAt'] })
export class Callback {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 64, nullable: true }) areaId?: string | null;
  @Property({ type: 'string', length: 64 }) complaintId: string;
  /** 1 for the first callback; a callback after rework is the next round. */
  @Property({ type: 'integer' }) round: number;
  @Property({ type: 'string', length: 16 }) severity: Severity;
  @Property({ type: 'string', length: 64 }) assignee: string;
  /** How it must be done: phone or WeChat for minor, an in-person visit for major (domain.md §4). */
  @Property({ type: 'json' }) allowedMethods: CallbackMethod[];
  @Property({ type: 'datetime' }) resolvedAt: Date;
  @Property({ type: 'datetime' }) dueAt: Date;
  @Property({ type: 'datetime' }) createdAt: Date;
  @Property({ type: 'datetime', nullable: true }) completedAt?: Date | null;
  @Property({ type: 'string', length: 16, nullable: true }) method?: CallbackMethod | null;
  @Property({ type: 'string', length: 32, nullable: true }) satisfaction?: Satisfaction | null;
  @Property({ type: 'text', nullable: true }) notes?: string | null;
  @Property({ type: 'string', length: 64, nullable: true }) completedBy?: string | null;
}

export const CALLBACK_ENTITIES = [Callback];
