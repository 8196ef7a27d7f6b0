import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Category, ContactMethod, Department, EscalationLevel, Severity, WorkOrderStatus } from '@pc/contracts';
import { NO_DEADLINE } from '../sla/deadline-book';

/** The disposal form (客户投诉处置表) of one department for one complaint. */
@Entity({ tableName: 'work_order' })
@Unique({ properties: ['complaintId', 'department'] })
@Index({ properties: ['orgId', 'siteId', 'department', 'status'] })
@Index({ properties: ['orgId', 'nextDueAt', 'id'] })
@Index({ properties: ['createdAt', 'id'] })
export class WorkOrder {
  [OptionalProps]?: 'customerId' | 'round' | 'nextDueAt' | 'escalationLevel';
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 64, nullable: true }) areaId?: string | null;
  @Property({ type: 'string', length: 64, nullable: true }) areaManagerId?: string | null;
  @Property({ type: 'string', length: 64 }) complaintId: string;
  /** The customer who complained: the only one who may confirm the resolution (不得仿签). */
  @Property({ type: 'string', length: 64, default: '' }) customerId: string = '';
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
  /** 1, then 2, 3, ... each time the customer sends it back for rework. */
  @Property({ type: 'integer', default: 1 }) round: number = 1;
  /** Earliest due time of a clock still open (met by nobody), or NO_DEADLINE: the queue's sort key. */
  @Property({ type: 'datetime', default: '9999-12-31 00:00:00' }) nextDueAt: Date = NO_DEADLINE;
  @Property({ type: 'string', length: 32, default: EscalationLevel.HANDLER }) escalationLevel: EscalationLevel = EscalationLevel.HANDLER;

  @Property({ type: 'text', nullable: true }) plan?: string | null;
  @Property({ type: 'string', length: 64, nullable: true }) planWrittenBy?: string | null;
  @Property({ type: 'datetime', nullable: true }) planWrittenAt?: Date | null;
  @Property({ type: 'string', length: 64, nullable: true }) planSignedOffBy?: string | null;
  @Property({ type: 'datetime', nullable: true }) planSignedOffAt?: Date | null;
  @Property({ type: 'string', length: 64, nullable: true }) handlerId?: string | null;
  @Property({ type: 'datetime', nullable: true }) assignedAt?: Date | null;
  /** Major: the area manager's report to the asset-management head (10 minutes). */
  @Property({ type: 'string', length: 64, nullable: true }) reportedTo?: string | null;
  @Property({ type: 'datetime', nullable: true }) reportedToHeadAt?: Date | null;
  /** Major: the solution agreed with the customer (12 hours). */
  @Property({ type: 'text', nullable: true }) agreedSolution?: string | null;
  @Property({ type: 'datetime', nullable: true }) solutionAgreedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true }) resolvedAt?: Date | null;
  @Property({ type: 'string', length: 64, nullable: true }) resolvedBy?: string | null;
  @Property({ type: 'text', nullable: true }) resolution?: string | null;
  @Property({ type: 'text', nullable: true }) causeAnalysis?: string | null;
  @Property({ type: 'text', nullable: true }) preventiveAction?: string | null;
  /** Required for a major complaint (domain.md §3). */
  @Property({ type: 'text', nullable: true }) correctiveActionReport?: string | null;

  @Property({ type: 'datetime', nullable: true }) confirmedAt?: Date | null;
  /** Reference to the customer's own signature (a scanned form or an e-signature). */
  @Property({ type: 'string', length: 500, nullable: true }) confirmationSignature?: string | null;
  @Property({ type: 'string', length: 64, nullable: true }) confirmationRecordedBy?: string | null;
  @Property({ type: 'datetime', nullable: true }) closedAt?: Date | null;
  @Property({ type: 'string', length: 64, nullable: true }) closedBy?: string | null;
}

/** A progress note; when the customer was informed, when and how (domain.md §3: kept informed). */
@Entity({ tableName: 'progress_note' })
@Index({ properties: ['workOrderId', 'at'] })
export class ProgressNote {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) workOrderId: string;
  @Property({ type: 'text' }) note: string;
  @Property({ type: 'string', length: 64 }) by: string;
  @Property({ type: 'datetime' }) at: Date;
  @Property({ type: 'datetime', nullable: true }) customerInformedAt?: Date | null;
  @Property({ type: 'string', length: 16, nullable: true }) customerInformedVia?: ContactMethod | null;
}
