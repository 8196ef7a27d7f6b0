import { Entity, Index, type Opt, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Category, CauseCategory, Channel, ContactMethod, Department, EscalationLevel, Severity, WorkOrderStatus } from '@pc/contracts';
import { invalidInput } from '@pc/platform';
import { NO_DEADLINE } from '../sla/deadline-book';
import { WorkOrderAction, transition } from './lifecycle';

/** The disposal form (客户投诉处置表) of one department for one complaint. */
@Entity({ tableName: 'work_order' })
@Unique({ properties: ['complaintId', 'department'] })
@Index({ properties: ['orgId', 'siteId', 'department', 'status'] })
@Index({ properties: ['orgId', 'nextDueAt', 'id'] })
@Index({ properties: ['createdAt', 'id'] })
export class WorkOrder {
  [OptionalProps]?: 'customerId' | 'round' | 'nextDueAt' | 'escalationLevel' | 'revision' | 'channel' | 'keyCustomer';
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
  /** How the complaint came (null on work orders created before it was kept): a letter's reply needs leadership's approval. */
  @Property({ type: 'string', length: 32, nullable: true }) channel?: Channel | null;
  /** The customer was a key customer when the complaint was filed (domain.md §7): the queue flags it. */
  @Property({ type: 'boolean', default: false }) keyCustomer: boolean = false;
  /** Staff user who took the case at intake. */
  @Property({ type: 'string', length: 64 }) takenBy: string;
  @Property({ type: 'datetime' }) receivedAt: Date;
  @Property({ type: 'datetime' }) createdAt: Date;
  /** 1, then 2, 3, ... each time the customer sends it back for rework. */
  @Property({ type: 'integer', default: 1 }) round: number = 1;
  /** Earliest due time of a clock still open (met by nobody), or NO_DEADLINE: the queue's sort key. */
  @Property({ type: 'datetime', default: '9999-12-31 00:00:00' }) nextDueAt: Date = NO_DEADLINE;
  @Property({ type: 'string', length: 32, default: EscalationLevel.HANDLER }) escalationLevel: EscalationLevel = EscalationLevel.HANDLER;
  /** Steps recorded so far (`workorder.recorded` carries it: the newest handling record wins). */
  @Property({ type: 'integer', default: 0 }) revision: number = 0;

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
  /** The countable cause (null on work orders resolved before it was recorded). */
  @Property({ type: 'string', length: 32, nullable: true }) cause?: CauseCategory | null;
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

  /** A letter complaint: the reply company leadership approved (seeds/004: 经公司分管领导同意后,方可作出答复). */
  @Property({ type: 'text', nullable: true }) approvedReply?: string | null;
  @Property({ type: 'string', length: 64, nullable: true }) replyApprovedBy?: string | null;
  @Property({ type: 'datetime', nullable: true }) replyApprovedAt?: Date | null;

  // State changes: each asks the transition table first (a CONFLICT saying what must come first), then
  // changes only the fields its step owns. Clocks are the DeadlineBook's; events are the use case's.

  /** Staff write (or rewrite, before sign-off) the handling plan. */
  writePlan(plan: string, by: string, at: Date): void {
    transition(this.status, WorkOrderAction.WRITE_PLAN);
    this.plan = plan;
    this.planWrittenBy = by;
    this.planWrittenAt = at;
    this.planSignedOffBy = null;
    this.planSignedOffAt = null;
  }

  /** The department head signs off the plan: PLANNED. */
  signOffPlan(by: string, at: Date): void {
    const status = transition(this.status, WorkOrderAction.SIGN_OFF_PLAN);
    if (!this.plan) throw invalidInput('workOrderId', 'no handling plan has been written yet');
    this.status = status;
    this.planSignedOffBy = by;
    this.planSignedOffAt = at;
  }

  /** The head names the handler: ASSIGNED the first time, the same status when re-assigned. */
  assignHandler(handlerId: string, at: Date): void {
    this.status = transition(this.status, WorkOrderAction.ASSIGN);
    this.handlerId = handlerId;
    this.assignedAt = at;
  }

  /**
   * Rule "a letter is answered only after leadership approves the reply": telling the customer of a
   * complaint that came as a letter (a contact that meets REPLY) needs the approved reply first.
   */
  assertMayReply(field: string): void {
    if (this.channel === Channel.LETTER && !this.replyApprovedAt) {
      throw invalidInput(
        field,
        'this complaint came as a letter: it is answered only after company leadership approves the reply (approveLetterReply)',
      );
    }
  }

  /** Leadership approves the reply to a letter complaint (any open status). */
  approveReply(reply: string, by: string, at: Date): void {
    if (this.channel !== Channel.LETTER) {
      throw invalidInput('workOrderId', 'only a complaint that came as a letter needs its reply approved');
    }
    this.approvedReply = reply;
    this.replyApprovedBy = by;
    this.replyApprovedAt = at;
  }

  /** Work goes on: IN_PROGRESS (the note itself is a ProgressNote). */
  recordProgress(): void {
    this.status = transition(this.status, WorkOrderAction.RECORD_PROGRESS);
  }

  /** Major: reported to the asset-management head. */
  reportToHead(reportedTo: string, at: Date): void {
    transition(this.status, WorkOrderAction.REPORT_TO_HEAD);
    if (this.severity !== Severity.MAJOR) {
      throw invalidInput('workOrderId', 'only a major complaint is reported to the asset-management head');
    }
    this.reportedTo = reportedTo;
    this.reportedToHeadAt = at;
  }

  /** Major: the solution agreed with the customer. */
  agreeSolution(solution: string, at: Date): void {
    transition(this.status, WorkOrderAction.AGREE_SOLUTION);
    this.agreedSolution = solution;
    this.solutionAgreedAt = at;
  }

  /** The resolution with cause analysis and preventive action; a major complaint also needs its corrective-action report. */
  resolve(
    r: {
      resolution: string;
      cause: CauseCategory;
      causeAnalysis: string;
      preventiveAction: string;
      correctiveActionReport?: string | null;
    },
    by: string,
    at: Date,
  ): void {
    const status = transition(this.status, WorkOrderAction.RESOLVE);
    if (this.severity === Severity.MAJOR && !r.correctiveActionReport) {
      throw invalidInput('correctiveActionReport', 'a major complaint needs a corrective-action report');
    }
    this.status = status;
    this.resolvedAt = at;
    this.resolvedBy = by;
    this.resolution = r.resolution;
    this.cause = r.cause;
    this.causeAnalysis = r.causeAnalysis;
    this.preventiveAction = r.preventiveAction;
    this.correctiveActionReport = r.correctiveActionReport ?? null;
  }

  /** The customer's own confirmation, with a reference to their signature: CONFIRMED. */
  confirm(signature: string, recordedBy: string, at: Date): void {
    this.status = transition(this.status, WorkOrderAction.CONFIRM);
    this.confirmedAt = at;
    this.confirmationSignature = signature;
    this.confirmationRecordedBy = recordedBy;
  }

  /** CLOSED after the customer's confirmation. */
  close(by: string, at: Date): void {
    this.status = transition(this.status, WorkOrderAction.CLOSE);
    this.closedAt = at;
    this.closedBy = by;
  }

  /** Back for rework (a dissatisfied callback): the next round needs a new plan, sign-off and resolution (the finished one is kept as a `WorkOrderRound`). */
  reopen(): void {
    this.status = transition(this.status, WorkOrderAction.REOPEN);
    this.round += 1;
    this.plan = null;
    this.planWrittenBy = null;
    this.planWrittenAt = null;
    this.planSignedOffAt = null;
    this.planSignedOffBy = null;
    this.resolvedAt = null;
    this.resolvedBy = null;
    this.resolution = null;
    this.cause = null;
    this.causeAnalysis = null;
    this.preventiveAction = null;
    this.correctiveActionReport = null;
    this.confirmedAt = null;
    this.confirmationSignature = null;
    this.closedAt = null;
    this.closedBy = null;
  }
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
  /** Keys of photos taken at this step (issue 29), issued by intake's store. */
  @Property({ type: 'json' }) attachments: Opt<string[]> = [];
}

/**
 * One finished round of a work order that came back for rework: its plan, sign-off, handler, cause
 * analysis and resolution, kept as they were (the work order itself then starts the next round empty).
 */
@Entity({ tableName: 'work_order_round' })
@Unique({ properties: ['workOrderId', 'round'] })
export class WorkOrderRound {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) workOrderId: string;
  @Property({ type: 'integer' }) round: number;
  @Property({ type: 'text', nullable: true }) plan?: string | null;
  @Property({ type: 'string', length: 64, nullable: true }) planWrittenBy?: string | null;
  @Property({ type: 'string', length: 64, nullable: true }) planSignedOffBy?: string | null;
  @Property({ type: 'datetime', nullable: true }) planSignedOffAt?: Date | null;
  @Property({ type: 'string', length: 64, nullable: true }) handlerId?: string | null;
  @Property({ type: 'datetime', nullable: true }) resolvedAt?: Date | null;
  @Property({ type: 'string', length: 64, nullable: true }) resolvedBy?: string | null;
  @Property({ type: 'text', nullable: true }) resolution?: string | null;
  @Property({ type: 'string', length: 32, nullable: true }) cause?: CauseCategory | null;
  @Property({ type: 'text', nullable: true }) causeAnalysis?: string | null;
  @Property({ type: 'text', nullable: true }) preventiveAction?: string | null;
  @Property({ type: 'text', nullable: true }) correctiveActionReport?: string | null;
  @Property({ type: 'datetime', nullable: true }) confirmedAt?: Date | null;
  /** Why the round ended: a dissatisfied callback, the quality department's verification. */
  @Property({ type: 'string', length: 200 }) endedBy: string;
  @Property({ type: 'datetime' }) endedAt: Date;
}

/** The round `wo` is finishing, as it stands (before `reopen()` clears it). */
export const finishedRound = (wo: WorkOrder, id: string, endedBy: string, endedAt: Date): WorkOrderRound =>
  Object.assign(new WorkOrderRound(), {
    id,
    workOrderId: wo.id,
    round: wo.round,
    plan: wo.plan ?? null,
    planWrittenBy: wo.planWrittenBy ?? null,
    planSignedOffBy: wo.planSignedOffBy ?? null,
    planSignedOffAt: wo.planSignedOffAt ?? null,
    handlerId: wo.handlerId ?? null,
    resolvedAt: wo.resolvedAt ?? null,
    resolvedBy: wo.resolvedBy ?? null,
    resolution: wo.resolution ?? null,
    cause: wo.cause ?? null,
    causeAnalysis: wo.causeAnalysis ?? null,
    preventiveAction: wo.preventiveAction ?? null,
    correctiveActionReport: wo.correctiveActionReport ?? null,
    confirmedAt: wo.confirmedAt ?? null,
    endedBy,
    endedAt,
  });
