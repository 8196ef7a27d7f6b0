import { LockMode, type EntityManager } from '@mikro-orm/core';
import { Department, Role } from '@pc/contracts';
import { AuthUser, forbidden, hasAnyRole, isPostgres, scopeOf } from '@pc/platform';
import { WorkOrder } from './work-order.entity';

/** Staff of the work order's own department, or those accountable for the site. */
export function canHandle(user: AuthUser, wo: { department: Department }): boolean {
  if (hasAnyRole(user, [Role.SITE_HEAD, Role.AREA_MANAGER])) return true;
  return hasAnyRole(user, [Role.DEPARTMENT_STAFF, Role.DEPARTMENT_HEAD]) && user.department === wo.department;
}

/** Roles that read every department's work orders at their sites (the queue's managers, and ADMIN). */
const EVERY_DEPARTMENT = [
  Role.SITE_HEAD,
  Role.AREA_MANAGER,
  Role.QUALITY,
  Role.LEADERSHIP,
  Role.ANALYST,
  Role.COMPLAINT_REP,
  Role.FRONT_DESK,
  Role.ADMIN,
];

/**
 * The department a caller's reads of work orders are held to, or null when it reads every department
 * (issue 29, finding 1): department staff and heads see their own department's work orders, in the
 * queue and by id alike; another department's is "not found". The token verifier makes sure they carry
 * a department; without one they would see nothing, not everything.
 */
export function departmentScope(user: AuthUser): Department | null {
  if (hasAnyRole(user, EVERY_DEPARTMENT)) return null;
  return user.department ?? ('' as Department);
}

/** A filter of work orders for the caller's department scope (empty when it reads every department). */
export function departmentFilter(user: AuthUser): { department?: Department } {
  const department = departmentScope(user);
  return department === null ? {} : { department };
}

/** The head of that department (or an ADMIN of the organisation). */
export const isHeadOf = (user: AuthUser, department: Department): boolean =>
  user.roles.includes(Role.ADMIN) || (user.roles.includes(Role.DEPARTMENT_HEAD) && user.department === department);

/** Row lock for the rest of the transaction (PostgreSQL; SQLite serialises writers anyway). */
export const forUpdate = (em: EntityManager): LockMode.PESSIMISTIC_WRITE | undefined =>
  isPostgres(em) ? LockMode.PESSIMISTIC_WRITE : undefined;

/** Loads a work order of the caller's organisation and sites, locked for the transaction. */
export async function loadWorkOrder(em: EntityManager, user: AuthUser, id: string): Promise<WorkOrder> {
  return scopeOf(user).load(em, WorkOrder, id, 'work order', { lockMode: forUpdate(em) });
}

export function assertHandles(user: AuthUser, wo: WorkOrder, what: string): void {
  if (!canHandle(user, wo)) throw forbidden(`only ${wo.department} staff or the site's managers may ${what}`);
}

export function assertHeadOf(user: AuthUser, wo: WorkOrder, what: string): void {
  if (!isHeadOf(user, wo.department)) throw forbidden(`only the ${wo.department} department head may ${what}`);
}
