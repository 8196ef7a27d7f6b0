import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { WorkOrderRecorded, type WorkOrderStep } from '@pc/contracts';
import { EventWriter, TransactionalOutbox } from '@pc/messaging';
import { AuthUser, Clock } from '@pc/platform';
import { DeadlineBook, deadlineV1 } from '../sla/deadline-book';
import { Extension, type Deadline } from '../sla/deadline.entity';
import { loadWorkOrder } from './work-order.access';
import { ProgressNote, type WorkOrder } from './work-order.entity';

export interface WorkOrderView {
  workOrder: WorkOrder;
  deadlines: Deadline[];
}

export interface CommandContext {
  em: EntityManager;
  events: EventWriter;
  wo: WorkOrder;
  book: DeadlineBook;
  now: Date;
}

const iso = (d: Date | null | undefined): string | undefined => d?.toISOString();
const text = (v: string | null | undefined): string | undefined => v ?? undefined;

/**
 * The shape every command on one work order shares: one transaction, the work order of the caller's
 * organisation and sites locked, its clocks loaded, the injected time, the events written with it,
 * and after the step the work order's handling record as it now stands (`workorder.recorded`, with
 * the next revision), which the audit trail, the month's complaint list and the archive are built from.
 */
@Injectable()
export class WorkOrderCommand {
  constructor(
    private readonly tx: TransactionalOutbox,
    private readonly clock: Clock,
  ) {}

  run(
    user: AuthUser,
    workOrderId: string,
    step: WorkOrderStep,
    work: (ctx: CommandContext) => Promise<void> | void,
  ): Promise<WorkOrderView> {
    return this.tx.by(user).run(async (em, events) => {
      const wo = await loadWorkOrder(em, user, workOrderId);
      const book = await DeadlineBook.of(em, wo);
      const now = this.clock.now();
      await work({ em, events, wo, book, now });
      wo.revision += 1;
      await em.flush();
      await this.record(em, events, wo, book, step, now);
      return { workOrder: wo, deadlines: book.all };
    });
  }

  /** Publishes the work order's handling record as it now stands (`workorder.recorded`); `run` does it after every step. */
  async record(em: EntityManager, events: EventWriter, wo: WorkOrder, book: DeadlineBook, step: WorkOrderStep, now: Date): Promise<void> {
    const [notes, extensions] = await Promise.all([
      em.find(ProgressNote, { workOrderId: wo.id }, { orderBy: { at: 'asc', id: 'asc' } }),
      em.find(Extension, { workOrderId: wo.id }, { orderBy: { at: 'asc', id: 'asc' } }),
    ]);
    events.publish(WorkOrderRecorded, {
      orgId: wo.orgId,
      siteId: wo.siteId,
      complaintId: wo.complaintId,
      workOrderId: wo.id,
      department: wo.department,
      lead: wo.lead,
      step,
      status: wo.status,
      round: wo.round,
      revision: wo.revision,
      escalationLevel: wo.escalationLevel,
      at: now.toISOString(),
      plan: text(wo.plan),
      planSignedOffBy: text(wo.planSignedOffBy),
      planSignedOffAt: iso(wo.planSignedOffAt),
      handlerId: text(wo.handlerId),
      assignedAt: iso(wo.assignedAt),
      reportedToHeadAt: iso(wo.reportedToHeadAt),
      agreedSolution: text(wo.agreedSolution),
      solutionAgreedAt: iso(wo.solutionAgreedAt),
      resolvedAt: iso(wo.resolvedAt),
      resolvedBy: text(wo.resolvedBy),
      resolution: text(wo.resolution),
      cause: wo.cause ?? undefined,
      causeAnalysis: text(wo.causeAnalysis),
      preventiveAction: text(wo.preventiveAction),
      correctiveActionReport: text(wo.correctiveActionReport),
      confirmedAt: iso(wo.confirmedAt),
      confirmationSignature: text(wo.confirmationSignature),
      closedAt: iso(wo.closedAt),
      progress: notes.map((n) => ({
        note: n.note,
        by: n.by,
        at: n.at.toISOString(),
        customerInformedAt: iso(n.customerInformedAt),
        customerInformedVia: text(n.customerInformedVia),
        ...(n.attachments?.length ? { attachments: n.attachments } : {}),
      })),
      extensions: extensions.map((x) => ({
        clock: x.clock,
        previousDueAt: x.previousDueAt.toISOString(),
        newDueAt: x.newDueAt.toISOString(),
        reason: x.reason,
        customerToldAt: x.customerToldAt.toISOString(),
        customerToldVia: x.customerToldVia,
        by: x.by,
        at: x.at.toISOString(),
      })),
      deadlines: book.all.filter((d) => !d.ref).map(deadlineV1),
    });
  }
}
