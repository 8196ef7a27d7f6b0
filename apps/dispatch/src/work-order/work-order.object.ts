import { Directive, Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { CauseCategory, ContactMethod, Department, EscalationLevel, Severity, SlaClock, WorkOrderStatus } from '@pc/contracts';
import { PageInfo } from '@pc/subgraph';
import type { Deadline, Escalation, Extension } from '../sla/deadline.entity';
import type { WorkOrderView } from './work-order-command';
import { NO_DEADLINE } from '../sla/deadline-book';
import type { ProgressNote, WorkOrderRound } from './work-order.entity';

@ObjectType('Deadline')
export class DeadlineObject {
  @Field(() => SlaClock) clock: SlaClock;
  @Field() dueAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) metAt?: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) breachedAt?: Date | null;
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Stopped because it no longer applies (a minor clock of a case that became major).',
  })
  cancelledAt?: Date | null;
  @Field(() => Int, { description: '1, or the rework round it belongs to.' }) round: number;
  @Field(() => ID, { nullable: true, description: 'The rectification notice of a CONTRACTOR_ARRIVAL clock.' }) noticeId?: string | null;

  static from(d: Deadline): DeadlineObject {
    return Object.assign(new DeadlineObject(), {
      clock: d.clock,
      dueAt: d.dueAt,
      metAt: d.metAt,
      breachedAt: d.breachedAt,
      cancelledAt: d.cancelledAt,
      round: d.round,
      noticeId: d.ref || null,
    });
  }
}

@ObjectType('Escalation', { description: 'One step of a case up the chain.' })
export class EscalationObject {
  @Field(() => EscalationLevel) from: EscalationLevel;
  @Field(() => EscalationLevel, { description: 'The receiving level.' }) to: EscalationLevel;
  @Field() reason: string;
  @Field(() => SlaClock, { nullable: true, description: 'The clock whose breach caused it.' }) clock?: SlaClock | null;
  @Field(() => ID, { description: 'A user id, or "system" for a breach.' }) by: string;
  @Field() at: Date;

  static from(e: Escalation): EscalationObject {
    return Object.assign(new EscalationObject(), {
      from: e.fromLevel,
      to: e.toLevel,
      reason: e.reason,
      clock: e.clock,
      by: e.by,
      at: e.at,
    });
  }
}

@ObjectType('ProgressNote')
export class ProgressNoteObject {
  @Field() note: string;
  @Field(() => ID) by: string;
  @Field() at: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) customerInformedAt?: Date | null;
  @Field(() => ContactMethod, { nullable: true }) customerInformedVia?: ContactMethod | null;
  @Field(() => [String], { description: 'Keys of photos taken at this step (attachmentUrl gives a link).' }) attachments: string[];

  static from(n: ProgressNote): ProgressNoteObject {
    return Object.assign(new ProgressNoteObject(), n);
  }
}

@ObjectType('WorkOrderRound', { description: 'A finished round of a work order that came back for rework, kept as it was.' })
export class WorkOrderRoundObject {
  @Field(() => Int) round: number;
  @Field({ nullable: true }) plan?: string;
  @Field(() => ID, { nullable: true }) planSignedOffBy?: string;
  @Field(() => GraphQLISODateTime, { nullable: true }) planSignedOffAt?: Date;
  @Field(() => ID, { nullable: true }) handlerId?: string;
  @Field(() => GraphQLISODateTime, { nullable: true }) resolvedAt?: Date;
  @Field(() => ID, { nullable: true }) resolvedBy?: string;
  @Field({ nullable: true }) resolution?: string;
  @Field(() => CauseCategory, { nullable: true }) cause?: CauseCategory;
  @Field({ nullable: true }) causeAnalysis?: string;
  @Field({ nullable: true }) preventiveAction?: string;
  @Field({ nullable: true }) correctiveActionReport?: string;
  @Field({ description: 'What ended the round (a dissatisfied callback, a failed verification).' }) endedBy: string;
  @Field() endedAt: Date;

  static from(r: WorkOrderRound): WorkOrderRoundObject {
    const o = Object.assign(new WorkOrderRoundObject(), r);
    for (const k of Object.keys(o) as (keyof WorkOrderRoundObject)[]) if (o[k] === null) delete o[k];
    return o;
  }
}

@ObjectType('DeadlineExtension')
export class ExtensionObject {
  @Field(() => SlaClock) clock: SlaClock;
  @Field() previousDueAt: Date;
  @Field() newDueAt: Date;
  @Field() reason: string;
  @Field() customerToldAt: Date;
  @Field(() => ContactMethod) customerToldVia: ContactMethod;
  @Field(() => ID) by: string;
  @Field() at: Date;

  static from(e: Extension): ExtensionObject {
    return Object.assign(new ExtensionObject(), e);
  }
}

/** The intake-owned Complaint, extended here with its work orders. */
@ObjectType('Complaint')
@Directive('@key(fields: "id")')
export class ComplaintRef {
  @Field(() => ID) id: string;
}

@ObjectType('WorkOrder', { description: 'The disposal form (客户投诉处置表) of one department.' })
@Directive('@key(fields: "id")')
export class WorkOrderObject {
  @Field(() => ID) id: string;
  @Field(() => ID) complaintId: string;
  @Field(() => ComplaintRef, { description: 'The complaint, resolved by intake through federation.' }) complaint: ComplaintRef;
  /** Not in the schema: the scope check of field resolvers reads it. */
  orgId: string;
  @Field(() => ID) siteId: string;
  @Field(() => ID, { nullable: true }) areaId?: string | null;
  @Field(() => Department) department: Department;
  @Field() lead: boolean;
  @Field(() => WorkOrderStatus) status: WorkOrderStatus;
  @Field(() => Severity) severity: Severity;
  @Field({ description: 'The customer is a key customer (重点客户): flagged in the queue.' }) keyCustomer: boolean;
  @Field() receivedAt: Date;
  @Field() createdAt: Date;
  @Field(() => Int, { description: '1, then 2, 3, ... for each rework after a dissatisfied callback.' }) round: number;
  @Field(() => EscalationLevel, { description: 'Who holds the case now.' }) escalationLevel: EscalationLevel;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'The nearest due time of a clock still open.' }) nextDueAt: Date | null;
  @Field(() => String, { nullable: true }) plan?: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) planWrittenAt?: Date | null;
  @Field(() => ID, { nullable: true }) planSignedOffBy?: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) planSignedOffAt?: Date | null;
  @Field(() => ID, { nullable: true }) handlerId?: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) assignedAt?: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) reportedToHeadAt?: Date | null;
  @Field(() => String, { nullable: true }) agreedSolution?: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) solutionAgreedAt?: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) resolvedAt?: Date | null;
  @Field(() => String, { nullable: true }) resolution?: string | null;
  @Field(() => CauseCategory, { nullable: true, description: 'The countable cause recorded with the resolution.' })
  cause?: CauseCategory | null;
  @Field(() => String, { nullable: true }) causeAnalysis?: string | null;
  @Field(() => String, { nullable: true }) preventiveAction?: string | null;
  @Field(() => String, { nullable: true }) correctiveActionReport?: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) confirmedAt?: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) closedAt?: Date | null;
  @Field(() => [DeadlineObject], { description: 'Every clock, earliest due first.' }) deadlines: DeadlineObject[];

  static from({ workOrder: w, deadlines }: WorkOrderView): WorkOrderObject {
    const o = new WorkOrderObject();
    const fields = [
      'id',
      'complaintId',
      'siteId',
      'areaId',
      'department',
      'lead',
      'status',
      'severity',
      'keyCustomer',
      'receivedAt',
      'createdAt',
      'round',
      'escalationLevel',
      'plan',
      'planWrittenAt',
      'planSignedOffBy',
      'planSignedOffAt',
      'handlerId',
      'assignedAt',
      'reportedToHeadAt',
      'agreedSolution',
      'solutionAgreedAt',
      'resolvedAt',
      'resolution',
      'cause',
      'causeAnalysis',
      'preventiveAction',
      'correctiveActionReport',
      'confirmedAt',
      'closedAt',
    ] as const;
    for (const f of fields) (o as unknown as Record<string, unknown>)[f] = w[f];
    o.orgId = w.orgId;
    o.complaint = { id: w.complaintId };
    o.nextDueAt = w.nextDueAt.getTime() === NO_DEADLINE.getTime() ? null : w.nextDueAt;
    o.deadlines = deadlines
      .filter((d) => d.workOrderId === w.id)
      .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())
      .map(DeadlineObject.from);
    return o;
  }
}

@ObjectType('WorkOrderEdge')
export class WorkOrderEdge {
  @Field() cursor: string;
  @Field(() => WorkOrderObject) node: WorkOrderObject;
}

@ObjectType('WorkOrderConnection')
export class WorkOrderConnection {
  @Field(() => [WorkOrderEdge]) edges: WorkOrderEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}
