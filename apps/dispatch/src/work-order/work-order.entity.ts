import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Category, Department, Severity, SlaClock, WorkOrderStatus } from '@pc/contracts';

/** The disposal form (客户投诉处置表) of one department for one complaint. */
@Entity({ tableName: 'work_order' })
@Unique({ properties: ['complaintId', 'department'] })
@Index({ properties: ['orgId', 'siteId', 'department', 'status'] })
@Index({ properties: ['createdAt', 'id'] })
export class WorkOrder {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 64, nullable: true }) areaId?: string | null;
  @Property({ type: 'string', length: 64, nullable: true }) areaManagerId?: string | null;
  @Property({ type: 'string', length: 64 }) complaintId: string;
  @Property({ type: 'string', length: 32 }) department: Department;
  /** The lead department organises the co-handlers (domain.md §2). */
  @Property({ type: 'boolean' }) lead: boolean;
  @Property({ type: 'string', length: 32 }) status: WorkOrderStatus;
  @Property({ type: 'string', length: 16 }) severity: Severity;
  @Property({ type: 'string', length: 32 }) category: Category;
  /** Staff user who took the case at intake. */
  @Property({ type: 'string', length: 64 }) takenBy: string;
  @Property({ type: 'datetime' }) receivedAt: Date;
  @Property({ type: 'datetime' }) createdAt: Date;
  @Property({ type: 'datetime', nullable: true }) resolvedAt?: Date | null;
  @Property({ type: 'string', length: 64, nullable: true }) resolvedBy?: string | null;
  @Property({ type: 'text', nullable: true }) resolution?: string | null;
  @Property({ type: 'text', nullable: true }) causeAnalysis?: string | null;
  @Property({ type: 'text', nullable: true }) preventiveAction?: string | null;
}

/** One SLA clock of a work order; due, met and breach times live on the row (they survive restarts). */
@Entity({ tableName: 'deadline' })
@Unique({ properties: ['workOrderId', 'clock'] })
@Index({ properties: ['dueAt'] })
export class Deadline {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) workOrderId: string;
  @Property({ type: 'string', length: 32 }) clock: SlaClock;
  @Property({ type: 'datetime' }) dueAt: Date;
  @Property({ type: 'datetime', nullable: true }) metAt?: Date | null;
  @Property({ type: 'datetime', nullable: true }) breachedAt?: Date | null;
}

export const DISPATCH_ENTITIES = [WorkOrder, Deadline];
