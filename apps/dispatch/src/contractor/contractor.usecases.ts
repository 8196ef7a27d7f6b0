import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { ContractorFailure, Department, Role, SlaClock } from '@pc/contracts';
import { TransactionalOutbox } from '@pc/messaging';
import { AuthUser, Clock, scopeOf, conflict, forbidden, hasAnyRole, inFuture, invalidInput, notInFuture } from '@pc/platform';
import { DeadlineBook } from '../sla/deadline-book';
import { contractorArrivalClock } from '../sla/sla-clocks';
import { WorkOrderAction, canDo } from '../work-order/lifecycle';
import { forUpdate, isHeadOf, loadWorkOrder } from '../work-order/work-order.access';
import { recordContractorFailure } from './contractor-failure';
import {
  ContractorResponse,
  type IssueNoticeInput,
  type RecordContractorResponseInput,
  type SetPenaltyAmountInput,
} from './dto/contractor.inputs';
import { ContractorPenalty, RectificationNotice } from './rectification.entity';

/** The least fine for a contractor failure, in yuan (domain.md §3). */
export const MIN_CONTRACTOR_PENALTY_YUAN = 5000;

/** Engineering staff coordinate contractors; the engineering head or the site head is the coordinator. */
const isEngineering = (user: AuthUser) =>
  hasAnyRole(user, [Role.SITE_HEAD]) ||
  (hasAnyRole(user, [Role.DEPARTMENT_STAFF, Role.DEPARTMENT_HEAD]) && user.department === Department.ENGINEERING);
const isCoordinator = (user: AuthUser) => hasAnyRole(user, [Role.SITE_HEAD]) || isHeadOf(user, Department.ENGINEERING);

const FAILURE_OF: Partial<Record<ContractorResponse, ContractorFailure>> = {
  [ContractorResponse.REFUSED]: ContractorFailure.REFUSED,
  [ContractorResponse.SUBSTANDARD]: ContractorFailure.SUBSTANDARD,
  [ContractorResponse.NOT_RETURNED]: ContractorFailure.NOT_RETURNED,
};

async function loadNotice(em: EntityManager, user: AuthUser, id: string): Promise<RectificationNotice> {
  return scopeOf(user).load(em, RectificationNotice, id, 'rectification notice', { lockMode: forUpdate(em) });
}

/**
 * A rectification notice (工程整改通知单) to the contractor, on an engineering work order: it starts
 * the contractor's 4-hour arrival clock (CONTRACTOR_ARRIVAL) and carries the rectification deadline.
 */
@Injectable()
export class IssueRectificationNotice {
  constructor(
    private readonly tx: TransactionalOutbox,
    private readonly clock: Clock,
  ) {}

  execute(user: AuthUser, input: IssueNoticeInput): Promise<RectificationNotice> {
    return this.tx.run(async (em) => {
      if (!isEngineering(user)) throw forbidden('only engineering staff or the site head issue rectification notices');
      const wo = await loadWorkOrder(em, user, input.workOrderId);
      if (wo.department !== Department.ENGINEERING) {
        throw invalidInput('workOrderId', 'rectification notices are issued on engineering work orders');
      }
      if (!canDo(wo.status, WorkOrderAction.ESCALATE)) {
        throw conflict(`the work order is ${wo.status}; notices are issued while it is open`, 'workOrderId');
      }
      const now = this.clock.now();
      inFuture('rectifyBy', input.rectifyBy, now);
      const notice = em.create(RectificationNotice, {
        id: randomUUID(),
        orgId: wo.orgId,
        siteId: wo.siteId,
        workOrderId: wo.id,
        contractor: input.contractor,
        defect: input.defect,
        issuedBy: user.sub,
        issuedAt: now,
        rectifyBy: input.rectifyBy,
      });
      em.persist(notice);
      (await DeadlineBook.of(em, wo)).start([contractorArrivalClock(now)], notice.id);
      return notice;
    });
  }
}

/**
 * What the contractor did: ARRIVED meets the 4-hour arrival clock; RETURNED (the signed notice came
 * back) and COMPLETED (the work passed inspection) are kept; REFUSED, SUBSTANDARD and NOT_RETURNED
 * fine the contractor and start the emergency repair team.
 */
@Injectable()
export class RecordContractorResponse {
  constructor(
    private readonly tx: TransactionalOutbox,
    private readonly clock: Clock,
  ) {}

  execute(user: AuthUser, input: RecordContractorResponseInput): Promise<RectificationNotice> {
    return this.tx.run(async (em, events) => {
      if (!isEngineering(user)) throw forbidden('only engineering staff or the site head record contractor responses');
      const notice = await loadNotice(em, user, input.noticeId);
      const now = this.clock.now();
      const at = notInFuture('at', input.at, now);
      if (notice.completedAt) throw conflict('the rectification is already completed', 'noticeId');
      const failure = FAILURE_OF[input.response];
      const book = await DeadlineBook.of(em, await loadWorkOrder(em, user, notice.workOrderId));
      if (failure) {
        if (notice.failure) throw conflict(`the contractor already failed this notice (${notice.failure})`, 'noticeId');
        recordContractorFailure(em, events, notice, failure, at);
        book.cancel([SlaClock.CONTRACTOR_ARRIVAL], now, { evenIfBreached: true, ref: notice.id });
        return notice;
      }
      if (input.response === ContractorResponse.ARRIVED) {
        if (notice.arrivedAt) throw conflict('arrival is already recorded', 'response');
        notice.arrivedAt = at;
        book.meet([SlaClock.CONTRACTOR_ARRIVAL], at, notice.id);
      } else if (input.response === ContractorResponse.RETURNED) {
        notice.returnedAt ??= at;
      } else {
        notice.completedAt = at;
      }
      return notice;
    });
  }
}

/** The coordinator sets a fine's amount: whole yuan, at least 5,000 (domain.md §3). */
@Injectable()
export class SetPenaltyAmount {
  constructor(private readonly tx: TransactionalOutbox) {}

  execute(user: AuthUser, input: SetPenaltyAmountInput): Promise<ContractorPenalty> {
    return this.tx.run(async (em) => {
      if (!isCoordinator(user)) throw forbidden('only the coordinator (engineering head or site head) sets a fine');
      const p = await scopeOf(user).load(em, ContractorPenalty, input.penaltyId, 'contractor penalty');
      if (p.settledAt) throw conflict('the fine is already settled', 'penaltyId');
      if (input.amountYuan < MIN_CONTRACTOR_PENALTY_YUAN) {
        throw invalidInput('amountYuan', `a contractor fine is at least ${MIN_CONTRACTOR_PENALTY_YUAN} yuan`);
      }
      Object.assign(p, { amountYuan: input.amountYuan, amountSetBy: user.sub });
      return p;
    });
  }
}

/** Marks a fine settled (deducted from the contractor's account); its amount must be set first. */
@Injectable()
export class SettlePenalty {
  constructor(
    private readonly tx: TransactionalOutbox,
    private readonly clock: Clock,
  ) {}

  execute(user: AuthUser, penaltyId: string): Promise<ContractorPenalty> {
    return this.tx.run(async (em) => {
      if (!isCoordinator(user) && !(user.roles.includes(Role.DEPARTMENT_HEAD) && user.department === Department.FINANCE)) {
        throw forbidden('only the coordinator or the finance head settles a fine');
      }
      const p = await scopeOf(user).load(em, ContractorPenalty, penaltyId, 'contractor penalty');
      if (p.amountYuan === null || p.amountYuan === undefined) throw conflict('the coordinator has not set the amount yet', 'penaltyId');
      if (p.settledAt) throw conflict('the fine is already settled', 'penaltyId');
      p.settledAt = this.clock.now();
      return p;
    });
  }
}
