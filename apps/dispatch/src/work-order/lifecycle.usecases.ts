import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Role, Severity, SlaClock, WorkOrderStatus } from '@pc/contracts';
import { AuthUser, forbidden, hasAnyRole, invalidInput, notInFuture } from '@pc/platform';
import type {
  AgreeSolutionInput,
  AssignHandlerInput,
  ConfirmResolutionInput,
  RecordHandlingPlanInput,
  RecordProgressInput,
  ReportToHeadInput,
} from './dto/lifecycle.inputs';
import { WorkOrderAction, transition } from './lifecycle';
import { assertHandles, assertHeadOf } from './work-order.access';
import { WorkOrderCommand, type WorkOrderView } from './work-order-command';
import { ProgressNote } from './work-order.entity';

/** Staff write the handling plan (处理方法) within the hour; the department head signs it off next. */
@Injectable()
export class RecordHandlingPlan {
  constructor(private readonly command: WorkOrderCommand) {}

  execute(user: AuthUser, input: RecordHandlingPlanInput): Promise<WorkOrderView> {
    return this.command.run(user, input.workOrderId, ({ wo, now }) => {
      assertHandles(user, wo, 'write its handling plan');
      transition(wo.status, WorkOrderAction.WRITE_PLAN);
      Object.assign(wo, { plan: input.plan, planWrittenBy: user.sub, planWrittenAt: now, planSignedOffBy: null, planSignedOffAt: null });
    });
  }
}

/** The department head signs off the plan: that meets the 1-hour PLAN clock (domain.md §3). */
@Injectable()
export class SignOffHandlingPlan {
  constructor(private readonly command: WorkOrderCommand) {}

  execute(user: AuthUser, workOrderId: string): Promise<WorkOrderView> {
    return this.command.run(user, workOrderId, ({ wo, book, now }) => {
      assertHeadOf(user, wo, 'sign off its handling plan');
      const status = transition(wo.status, WorkOrderAction.SIGN_OFF_PLAN);
      if (!wo.plan) throw invalidInput('workOrderId', 'no handling plan has been written yet');
      Object.assign(wo, { status, planSignedOffBy: user.sub, planSignedOffAt: now });
      book.meet([SlaClock.PLAN], now);
    });
  }
}

/** The department head names the handler (and may name another later). */
@Injectable()
export class AssignHandler {
  constructor(private readonly command: WorkOrderCommand) {}

  execute(user: AuthUser, input: AssignHandlerInput): Promise<WorkOrderView> {
    return this.command.run(user, input.workOrderId, ({ wo, now }) => {
      assertHeadOf(user, wo, 'assign its handler');
      transition(wo.status, WorkOrderAction.ASSIGN);
      const status = wo.status === WorkOrderStatus.PLANNED ? WorkOrderStatus.ASSIGNED : wo.status; // a later call re-assigns
      Object.assign(wo, { status, handlerId: input.handlerId, assignedAt: now });
    });
  }
}

/**
 * A progress note. When it says the customer was informed, that is the reply (REPLY) and, for a
 * minor complaint, the feedback within 24 hours (FEEDBACK) — each met at the time the customer was told.
 */
@Injectable()
export class RecordProgress {
  constructor(private readonly command: WorkOrderCommand) {}

  execute(user: AuthUser, input: RecordProgressInput): Promise<WorkOrderView> {
    return this.command.run(user, input.workOrderId, ({ em, wo, book, now }) => {
      if (wo.handlerId !== user.sub) assertHandles(user, wo, 'record its progress');
      wo.status = transition(wo.status, WorkOrderAction.RECORD_PROGRESS);
      const informedAt = input.customerInformed ? notInFuture('customerInformed.at', input.customerInformed.at, now) : null;
      em.persist(
        em.create(ProgressNote, {
          id: randomUUID(),
          workOrderId: wo.id,
          note: input.note,
          by: user.sub,
          at: now,
          customerInformedAt: informedAt,
          customerInformedVia: input.customerInformed?.via ?? null,
        }),
      );
      if (informedAt) book.meet([SlaClock.REPLY, SlaClock.FEEDBACK], informedAt);
    });
  }
}

/** Major: the area manager reports to the asset-management head within 10 minutes (REPORT_TO_HEAD). */
@Injectable()
export class ReportToHead {
  constructor(private readonly command: WorkOrderCommand) {}

  execute(user: AuthUser, input: ReportToHeadInput): Promise<WorkOrderView> {
    return this.command.run(user, input.workOrderId, ({ wo, book, now }) => {
      if (!hasAnyRole(user, [Role.AREA_MANAGER, Role.SITE_HEAD])) {
        throw forbidden('only the area manager reports a major complaint to the asset-management head');
      }
      transition(wo.status, WorkOrderAction.REPORT_TO_HEAD);
      if (wo.severity !== Severity.MAJOR) {
        throw invalidInput('workOrderId', 'only a major complaint is reported to the asset-management head');
      }
      const at = notInFuture('at', input.at, now);
      Object.assign(wo, { reportedTo: input.reportedTo, reportedToHeadAt: at });
      book.meet([SlaClock.REPORT_TO_HEAD], at);
    });
  }
}

/** Major: a solution agreed with the customer within 12 hours (SOLUTION_AGREED); it is also the reply. */
@Injectable()
export class AgreeSolution {
  constructor(private readonly command: WorkOrderCommand) {}

  execute(user: AuthUser, input: AgreeSolutionInput): Promise<WorkOrderView> {
    return this.command.run(user, input.workOrderId, ({ wo, book, now }) => {
      assertHandles(user, wo, 'record the agreed solution');
      transition(wo.status, WorkOrderAction.AGREE_SOLUTION);
      const at = notInFuture('agreed.at', input.agreed.at, now);
      Object.assign(wo, { agreedSolution: input.solution, solutionAgreedAt: at });
      book.meet([SlaClock.SOLUTION_AGREED, SlaClock.REPLY], at);
    });
  }
}

/**
 * The customer's confirmation (domain.md §3): only the customer who complained confirms, with their
 * own signature; staff never sign on the customer's behalf (不得仿签).
 */
@Injectable()
export class ConfirmResolution {
  constructor(private readonly command: WorkOrderCommand) {}

  execute(user: AuthUser, input: ConfirmResolutionInput): Promise<WorkOrderView> {
    return this.command.run(user, input.workOrderId, ({ wo, now }) => {
      assertHandles(user, wo, "record the customer's confirmation");
      const status = transition(wo.status, WorkOrderAction.CONFIRM);
      if (input.customerId === user.sub) throw forbidden("staff may not confirm on the customer's behalf");
      if (!wo.customerId || input.customerId !== wo.customerId) {
        throw invalidInput('customerId', 'only the customer who complained may confirm the resolution; staff never sign on their behalf');
      }
      const at = notInFuture('at', input.at, now);
      Object.assign(wo, { status, confirmedAt: at, confirmationSignature: input.signature, confirmationRecordedBy: user.sub });
    });
  }
}

/** After the customer's confirmation the department head (or the site's managers) closes the work order. */
@Injectable()
export class CloseWorkOrder {
  constructor(private readonly command: WorkOrderCommand) {}

  execute(user: AuthUser, workOrderId: string): Promise<WorkOrderView> {
    return this.command.run(user, workOrderId, ({ wo, now }) => {
      if (!hasAnyRole(user, [Role.SITE_HEAD, Role.AREA_MANAGER])) assertHeadOf(user, wo, 'close it');
      wo.status = transition(wo.status, WorkOrderAction.CLOSE);
      Object.assign(wo, { closedAt: now, closedBy: user.sub });
    });
  }
}

/** The lifecycle commands, gathered so the resolver takes one collaborator instead of eight. */
@Injectable()
export class LifecycleCommands {
  constructor(
    readonly writePlan: RecordHandlingPlan,
    readonly signOff: SignOffHandlingPlan,
    readonly assign: AssignHandler,
    readonly progress: RecordProgress,
    readonly reportToHead: ReportToHead,
    readonly agreeSolution: AgreeSolution,
    readonly confirm: ConfirmResolution,
    readonly close: CloseWorkOrder,
  ) {}
}
