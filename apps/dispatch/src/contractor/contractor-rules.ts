import type { EntityManager } from '@mikro-orm/core';
import { ContractorFailure, Department, Role } from '@pc/contracts';
import { AuthUser, scopeOf, hasAnyRole } from '@pc/platform';
import { forUpdate, isHeadOf } from '../work-order/work-order.access';
import { ContractorResponse } from './dto/contractor.inputs';
import { RectificationNotice } from './rectification.entity';

/** The least fine for a contractor failure, in yuan (domain.md §3). */
export const MIN_CONTRACTOR_PENALTY_YUAN = 5000;

/** Engineering staff coordinate contractors; the engineering head or the site head is the coordinator. */
export const isEngineering = (user: AuthUser) =>
  hasAnyRole(user, [Role.SITE_HEAD]) ||
  (hasAnyRole(user, [Role.DEPARTMENT_STAFF, Role.DEPARTMENT_HEAD]) && user.department === Department.ENGINEERING);
export const isCoordinator = (user: AuthUser) => hasAnyRole(user, [Role.SITE_HEAD]) || isHeadOf(user, Department.ENGINEERING);

export const FAILURE_OF: Partial<Record<ContractorResponse, ContractorFailure>> = {
  [ContractorResponse.REFUSED]: ContractorFailure.REFUSED,
  [ContractorResponse.SUBSTANDARD]: ContractorFailure.SUBSTANDARD,
  [ContractorResponse.NOT_RETURNED]: ContractorFailure.NOT_RETURNED,
};

export async function loadNotice(em: EntityManager, user: AuthUser, id: string): Promise<RectificationNotice> {
  return scopeOf(user).load(em, RectificationNotice, id, 'rectification notice', { lockMode: forUpdate(em) });
}
