import type { EntityManager } from '@mikro-orm/core';
import { Role, type CustomerSavedV1, type SurveyCustomerKind } from '@pc/contracts';
import { AuthUser, invalidInput, scopeOf } from '@pc/platform';
import { Site, type Customer } from './registry.entities';

/** The checks every registry command shares. */
export const DEPARTMENT_ROLES = [Role.DEPARTMENT_STAFF, Role.DEPARTMENT_HEAD];

export function checkTimeZone(tz: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
  } catch {
    throw invalidInput('timeZone', `unknown IANA time zone ${tz}`);
  }
}

/** A real calendar date (2026-02-30 is not one). */
export function checkDates(field: string, dates: readonly string[]): void {
  for (const d of dates) {
    const at = new Date(`${d}T12:00:00Z`);
    if (Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== d) throw invalidInput(field, `${d} is not a calendar date`);
  }
}

/** Loads an entity of the caller's organisation by id for an update, or says "create". */
export async function existing<T extends { id: string }>(
  em: EntityManager,
  entity: new () => T,
  id: string | undefined,
  where: object,
): Promise<T | null> {
  return id ? ((await em.findOne(entity, { id, ...where })) as T | null) : null;
}

/** A site of the actor's organisation that the actor is granted; BAD_USER_INPUT for an unknown one, FORBIDDEN for one not granted. */
export async function grantedSite(em: EntityManager, user: AuthUser, siteId: string): Promise<Site> {
  const site = await em.findOne(Site, { id: siteId, orgId: user.org });
  if (!site) throw invalidInput('siteId', `unknown site ${siteId}`);
  scopeOf(user).assertSite(site.id);
  return site;
}

/**
 * An id the caller may not use (held by another organisation, or by a row of another site): one answer
 * for every such case, naming neither the id nor where it is held, so that no answer tells whether an
 * id exists elsewhere (issue 29, finding 4).
 */
export const idUnavailable = (field = 'id') =>
  invalidInput(field, 'this id cannot be used here: choose another, or leave it out to get a new one');

/** An id already taken by another organisation is refused, never overwritten. */
export async function owned<T extends { id: string; orgId: string }>(
  em: EntityManager,
  entity: new () => T,
  id: string | undefined,
  orgId: string,
  field: string,
): Promise<T | null> {
  if (!id) return null;
  const found = (await em.findOne(entity, { id })) as T | null;
  if (found && found.orgId !== orgId) throw idUnavailable(field);
  return found;
}

/**
 * Rule (notices to a building, domain.md §7): a unit's building is the one recorded for it, else the
 * start of its name up to 号楼/栋/幢/座 ("1号楼101室" → "1号楼", "A栋-1203" → "A栋"), else the part
 * before the first dash ("3-1-502" → "3"); a name with none of these has no building.
 */
export function buildingOf(unit: { name: string; building?: string | null }): string | null {
  if (unit.building) return unit.building;
  const marked = /^(.+?(?:号楼|栋|幢|座))/.exec(unit.name);
  if (marked) return marked[1].trim();
  const dashed = /^([^-\s]+)-/.exec(unit.name);
  return dashed ? dashed[1] : null;
}

/**
 * What `registry.customer_saved` says of a customer: who, where, and (issue 31) owner or tenant and
 * the area of their unit, which callback's survey samples are stratified by.
 */
export const customerSavedOf = (c: Customer, areaId: string | null | undefined): CustomerSavedV1 => ({
  orgId: c.orgId,
  siteId: c.siteId,
  customerId: c.id,
  kind: c.kind as string as SurveyCustomerKind,
  ...(areaId ? { areaId } : {}),
});
