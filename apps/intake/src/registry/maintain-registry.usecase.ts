import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/core';
import { CustomerSaved, Role, SiteSaved } from '@pc/contracts';
import { TransactionalOutbox } from '@pc/messaging';
import { AuthUser, assertRole, forbidden, invalidInput, scopeOf } from '@pc/platform';
import { CHINA_ANNUAL_HOLIDAYS, DEFAULT_TIME_ZONE, localDate } from '@pc/calendar';
import type {
  SaveAreaInput,
  SaveCustomerInput,
  SaveSiteInput,
  SaveStaffUserInput,
  SaveUnitInput,
  SetRoutingInput,
} from './dto/registry.inputs';
import { Area, Customer, RoutingRule, Site, StaffUser, Unit } from './registry.entities';

const DEPARTMENT_ROLES = [Role.DEPARTMENT_STAFF, Role.DEPARTMENT_HEAD];

function checkTimeZone(tz: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
  } catch {
    throw invalidInput('timeZone', `unknown IANA time zone ${tz}`);
  }
}

/** A real calendar date (2026-02-30 is not one). */
function checkDates(field: string, dates: readonly string[]): void {
  for (const d of dates) {
    const at = new Date(`${d}T12:00:00Z`);
    if (Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== d) throw invalidInput(field, `${d} is not a calendar date`);
  }
}

/** Loads an entity of the caller's organisation by id for an update, or says "create". */
async function existing<T extends { id: string }>(
  em: EntityManager,
  entity: new () => T,
  id: string | undefined,
  where: object,
): Promise<T | null> {
  return id ? ((await em.findOne(entity, { id, ...where })) as T | null) : null;
}

/**
 * Maintains the registry of a multi-site group (domain.md "Who and where"): every write is scoped
 * to the caller's organisation and granted sites, and an id that belongs to another organisation
 * is refused rather than overwritten.
 */
@Injectable()
export class MaintainRegistry {
  constructor(
    private readonly orm: MikroORM,
    private readonly tx: TransactionalOutbox,
  ) {}

  /** Sites and their working calendars: the organisation's administrators. Announced as `registry.site_saved`. */
  saveSite(user: AuthUser, input: SaveSiteInput): Promise<Site> {
    return this.tx.run(async (em, events) => {
      assertRole(user, [Role.ADMIN]);
      const timeZone = input.timeZone ?? DEFAULT_TIME_ZONE;
      checkTimeZone(timeZone);
      checkDates('holidays', input.holidays ?? []);
      checkDates('makeUpWorkdays', input.makeUpWorkdays ?? []);
      for (const d of input.makeUpWorkdays ?? []) {
        const { weekday } = localDate(new Date(`${d}T12:00:00Z`), 'UTC');
        if (weekday !== 0 && weekday !== 6) {
          throw invalidInput('makeUpWorkdays', `${d} is a weekday; a make-up working day is a Saturday or Sunday`);
        }
      }
      for (const md of input.annualHolidays ?? []) checkDates('annualHolidays', [`2024-${md}`]);
      const site = await this.owned(em, Site, input.id, user.org, 'id');
      // a site-scoped administrator manages its own sites; only an organisation-wide one creates sites
      if (site) scopeOf(user).assertSite(site.id);
      else scopeOf(user).assertOrgWide('create a site');
      const data = {
        id: site?.id ?? input.id ?? randomUUID(),
        orgId: user.org,
        name: input.name,
        timeZone,
        holidays: [...new Set(input.holidays ?? site?.holidays ?? [])].sort(),
        makeUpWorkdays: [...new Set(input.makeUpWorkdays ?? site?.makeUpWorkdays ?? [])].sort(),
        annualHolidays: [...new Set(input.annualHolidays ?? site?.annualHolidays ?? CHINA_ANNUAL_HOLIDAYS)].sort(),
      };
      const saved = site ? Object.assign(site, data) : em.create(Site, data);
      em.persist(saved);
      events.publish(SiteSaved, { orgId: saved.orgId, siteId: saved.id, name: saved.name, timeZone: saved.timeZone });
      return saved;
    });
  }

  /** Areas and their managers: administrators, or the head of that site. */
  saveArea(user: AuthUser, input: SaveAreaInput): Promise<Area> {
    return this.orm.em.fork().transactional(async (em) => {
      assertRole(user, [Role.SITE_HEAD]);
      await this.site(em, user, input.siteId);
      if (input.areaManagerId) {
        const manager = await em.findOne(StaffUser, { id: input.areaManagerId, orgId: user.org, active: true });
        if (!manager?.roles.includes(Role.AREA_MANAGER)) {
          throw invalidInput('areaManagerId', `${input.areaManagerId} is not an active area manager of this organisation`);
        }
      }
      const area = await existing(em, Area, input.id, {});
      if (area && area.siteId !== input.siteId) throw invalidInput('id', `area ${area.id} belongs to another site`);
      const saved = area ?? em.create(Area, { id: input.id ?? randomUUID(), siteId: input.siteId, name: input.name });
      Object.assign(saved, { name: input.name, areaManagerId: input.areaManagerId ?? null });
      em.persist(saved);
      return saved;
    });
  }

  /** Units: administrators, or the head of that site. */
  saveUnit(user: AuthUser, input: SaveUnitInput): Promise<Unit> {
    return this.orm.em.fork().transactional(async (em) => {
      assertRole(user, [Role.SITE_HEAD]);
      await this.site(em, user, input.siteId);
      if (!(await em.findOne(Area, { id: input.areaId, siteId: input.siteId }))) {
        throw invalidInput('areaId', `area ${input.areaId} is not an area of site ${input.siteId}`);
      }
      const unit = await existing(em, Unit, input.id, {});
      if (unit && unit.siteId !== input.siteId) throw invalidInput('id', `unit ${unit.id} belongs to another site`);
      const saved = unit ?? em.create(Unit, { id: input.id ?? randomUUID(), siteId: input.siteId, areaId: input.areaId, name: input.name });
      Object.assign(saved, { areaId: input.areaId, name: input.name });
      em.persist(saved);
      return saved;
    });
  }

  /** Customers (owners and tenants): whoever takes complaints at a site the unit belongs to. Announced as `registry.customer_saved`. */
  saveCustomer(user: AuthUser, input: SaveCustomerInput): Promise<Customer> {
    return this.tx.run(async (em, events) => {
      assertRole(user, [Role.FRONT_DESK, Role.COMPLAINT_REP, Role.AREA_MANAGER, Role.SITE_HEAD]);
      const scope = scopeOf(user);
      let siteId = input.siteId;
      if (input.unitId) {
        const unit = await em.findOne(Unit, { id: input.unitId });
        const site = unit ? await em.findOne(Site, { id: unit.siteId, orgId: user.org }) : null;
        if (!unit || !site) throw invalidInput('unitId', `unknown unit ${input.unitId}`);
        if (siteId && siteId !== site.id) throw invalidInput('siteId', `unit ${unit.id} lies at site ${site.id}`);
        siteId = site.id;
      }
      if (!siteId) throw invalidInput('siteId', 'a customer without a unit needs the site they belong to');
      await this.site(em, user, siteId);
      const customer = await this.owned(em, Customer, input.id, user.org, 'id');
      // an existing customer is changed only by those who may see the site it belongs to now
      if (customer && !scope.covers(customer)) throw invalidInput('id', `id ${input.id} is taken`);
      const data = {
        id: customer?.id ?? input.id ?? randomUUID(),
        orgId: user.org,
        siteId,
        name: input.name,
        phone: input.phone,
        email: input.email ?? null,
        kind: input.kind,
        unitId: input.unitId ?? null,
      };
      const saved = customer ? Object.assign(customer, data) : em.create(Customer, data);
      em.persist(saved);
      events.publish(CustomerSaved, { orgId: saved.orgId, siteId: saved.siteId, customerId: saved.id });
      return saved;
    });
  }

  /** Staff users, their roles, department and sites: the organisation's administrators. */
  saveStaffUser(user: AuthUser, input: SaveStaffUserInput): Promise<StaffUser> {
    return this.orm.em.fork().transactional(async (em) => {
      assertRole(user, [Role.ADMIN]);
      const needsDepartment = input.roles.some((r) => DEPARTMENT_ROLES.includes(r));
      if (needsDepartment && !input.department) throw invalidInput('department', 'department staff and heads need a department');
      const scope = scopeOf(user);
      const sites = [...new Set(input.sites)];
      if (sites.includes('*') && sites.length > 1) throw invalidInput('sites', '"*" (every site) stands alone');
      // a site-scoped administrator grants only its own sites, and edits only staff within them
      if (sites.includes('*')) scope.assertOrgWide('grant every site');
      sites.filter((s) => s !== '*').forEach((s) => scope.assertSite(s));
      if (!sites.includes('*')) {
        const known = await em.find(Site, { id: { $in: sites }, orgId: user.org });
        const unknown = sites.filter((s) => !known.some((k) => k.id === s));
        if (unknown.length) throw invalidInput('sites', `unknown sites ${unknown.join(', ')}`);
      }
      const staff = await this.owned(em, StaffUser, input.id, user.org, 'id');
      if (staff && !scope.orgWide && (staff.sites.includes('*') || staff.sites.some((s) => !scope.canSee(s)))) {
        throw forbidden(`staff user ${staff.id} works at sites this administrator does not manage`);
      }
      const data = {
        id: staff?.id ?? input.id ?? randomUUID(),
        orgId: user.org,
        name: input.name,
        phone: input.phone ?? null,
        roles: [...new Set(input.roles)],
        department: input.department ?? null,
        sites,
        active: input.active ?? true,
      };
      const saved = staff ? Object.assign(staff, data) : em.create(StaffUser, data);
      em.persist(saved);
      return saved;
    });
  }

  /** The organisation's routing of one category (domain.md §2 "configurable per organisation"). */
  setRouting(user: AuthUser, input: SetRoutingInput): Promise<RoutingRule | null> {
    return this.orm.em.fork().transactional(async (em) => {
      assertRole(user, [Role.ADMIN]);
      scopeOf(user).assertOrgWide("change the organisation's routing");
      const departments = [...new Set(input.departments)];
      if (departments.length !== input.departments.length) throw invalidInput('departments', 'a department appears twice');
      const rule = await em.findOne(RoutingRule, { orgId: user.org, category: input.category });
      if (departments.length === 0) {
        if (rule) em.remove(rule);
        return null;
      }
      const saved = rule ?? em.create(RoutingRule, { orgId: user.org, category: input.category, departments });
      saved.departments = departments;
      em.persist(saved);
      return saved;
    });
  }

  private async site(em: EntityManager, user: AuthUser, siteId: string): Promise<Site> {
    const site = await em.findOne(Site, { id: siteId, orgId: user.org });
    if (!site) throw invalidInput('siteId', `unknown site ${siteId}`);
    scopeOf(user).assertSite(site.id);
    return site;
  }

  /** An id already taken by another organisation is refused, never overwritten. */
  private async owned<T extends { id: string; orgId: string }>(
    em: EntityManager,
    entity: new () => T,
    id: string | undefined,
    orgId: string,
    field: string,
  ): Promise<T | null> {
    if (!id) return null;
    const found = (await em.findOne(entity, { id })) as T | null;
    if (found && found.orgId !== orgId) throw invalidInput(field, `id ${id} is taken`);
    return found;
  }
}
