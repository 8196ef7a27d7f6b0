import { Args, ID, Query, Resolver, ResolveReference } from '@nestjs/graphql';
import { MikroORM, type EntityManager, type FilterQuery } from '@mikro-orm/core';
import { Category, Role } from '@pc/contracts';
import { AuthUser, CurrentUser, Roles, hasAnyRole, invalidInput, scopeOf, type RequestContext } from '@pc/platform';
import { buildingOf } from './registry-rules';
import { DEFAULT_ROUTING } from '../complaint/routing';
import { UnitHolding } from '../customer/customer.entities';
import { customerSearch } from '../customer/customer-rules';
import { Area, Customer, RoutingRule, Site, StaffUser, Unit } from './registry.entities';
import { AreaObject, CustomerObject, RoutingRuleObject, SiteObject, StaffUserObject, UnitObject } from './site.object';

export const toSite = (s: Site, areas: Area[]): SiteObject => ({
  id: s.id,
  name: s.name,
  timeZone: s.timeZone,
  holidays: s.holidays,
  makeUpWorkdays: s.makeUpWorkdays,
  annualHolidays: s.annualHolidays,
  repairResponseMinutes: s.repairResponseMinutes,
  areas: areas.filter((a) => a.siteId === s.id).map(toArea),
});
export const toArea = (a: Area): AreaObject => ({ id: a.id, name: a.name, areaManagerId: a.areaManagerId });
export const toUnit = (u: Unit): UnitObject => ({ id: u.id, siteId: u.siteId, areaId: u.areaId, name: u.name, building: buildingOf(u) });
export const toCustomer = (c: Customer): CustomerObject => ({
  id: c.id,
  name: c.name,
  phone: c.phone,
  email: c.email,
  kind: c.kind,
  siteId: c.siteId,
  unitId: c.unitId,
});
export const toStaff = (s: StaffUser): StaffUserObject => ({
  id: s.id,
  name: s.name,
  phone: s.phone,
  roles: s.roles,
  department: s.department,
  sites: s.sites,
  active: s.active,
});

/** The organisation's routing table: lead department first, for every category (its own rule, or the default). */
export async function routingTable(em: EntityManager, orgId: string): Promise<RoutingRuleObject[]> {
  const rules = await em.find(RoutingRule, { orgId });
  return (Object.values(Category) as Category[]).map((category) => {
    const rule = rules.find((r) => r.category === category);
    return { category, departments: rule?.departments ?? [DEFAULT_ROUTING[category]], isDefault: !rule };
  });
}

/** The registry of a multi-site group, read and maintained within the caller's organisation and sites. */
@Resolver(() => SiteObject)
export class SiteResolver {
  constructor(private readonly orm: MikroORM) {}

  @Query(() => [SiteObject], { description: 'The sites the caller may see, with their areas.' })
  async sites(@CurrentUser() user: AuthUser): Promise<SiteObject[]> {
    const em = this.orm.em.fork();
    const granted = scopeOf(user).siteIds();
    const sites = await em.find(Site, granted ? { orgId: user.org, id: { $in: [...granted] } } : { orgId: user.org }, {
      orderBy: { id: 'asc' },
    });
    const areas = await em.find(Area, { siteId: { $in: sites.map((s) => s.id) } }, { orderBy: { id: 'asc' } });
    return sites.map((s) => toSite(s, areas));
  }

  @Query(() => [UnitObject], { description: 'Units of a site (optionally of one area).' })
  async units(
    @CurrentUser() user: AuthUser,
    @Args('siteId', { type: () => ID }) siteId: string,
    @Args('areaId', { type: () => ID, nullable: true }) areaId?: string,
  ): Promise<UnitObject[]> {
    await this.visibleSite(user, siteId);
    const where: FilterQuery<Unit> = { siteId };
    if (areaId) where.areaId = areaId;
    return (await this.orm.em.fork().find(Unit, where, { orderBy: { name: 'asc' } })).map(toUnit);
  }

  @Query(() => [CustomerObject], {
    description:
      'Customers of a unit, found by phone, or searched by part of a name, phone or unit name (`search`), within the sites the caller may see.',
  })
  async customers(
    @CurrentUser() user: AuthUser,
    @Args('unitId', { type: () => ID, nullable: true }) unitId?: string,
    @Args('phone', { nullable: true }) phone?: string,
    @Args('search', { nullable: true, description: 'At least two characters of a name, a phone number or a unit name.' }) search?: string,
  ): Promise<CustomerObject[]> {
    if (!unitId && !phone && !search) throw invalidInput('unitId', 'give unitId, phone or search');
    const where: FilterQuery<Customer> = {};
    if (unitId) where.unitId = unitId;
    if (phone) where.phone = phone.trim();
    if (search) {
      const em = this.orm.em.fork();
      const found = customerSearch(search);
      // a unit's name matches too: its customers and those who hold it
      const units = await em.find(Unit, { siteId: { $in: await this.visibleSiteIds(em, user) }, name: found.unitName }, { limit: 50 });
      const holders = units.length
        ? await em.find(UnitHolding, { unitId: { $in: units.map((u) => u.id) } }, { fields: ['customerId'] })
        : [];
      where.$or = [
        ...found.contact,
        ...(units.length ? [{ unitId: { $in: units.map((u) => u.id) } }] : []),
        ...(holders.length ? [{ id: { $in: holders.map((h) => h.customerId) } }] : []),
      ];
    }
    // only customers of the sites the caller may see, walk-in customers included
    return (await scopeOf(user).find(this.orm.em.fork(), Customer, where, { orderBy: { name: 'asc' }, limit: 200 })).map(toCustomer);
  }

  @Query(() => [StaffUserObject], {
    description:
      "Staff users of the organisation (optionally those granted one site); a department head sees only the own department's staff (to assign them).",
  })
  @Roles(Role.SITE_HEAD, Role.LEADERSHIP, Role.DEPARTMENT_HEAD)
  async staffUsers(
    @CurrentUser() user: AuthUser,
    @Args('siteId', { type: () => ID, nullable: true }) siteId?: string,
  ): Promise<StaffUserObject[]> {
    const all = await this.orm.em.fork().find(StaffUser, { orgId: user.org }, { orderBy: { id: 'asc' } });
    const scope = scopeOf(user).siteIds(siteId);
    const granted = scopeOf(user).siteIds();
    const ownDepartmentOnly = !hasAnyRole(user, [Role.SITE_HEAD, Role.LEADERSHIP]);
    return (
      all
        .filter((s) => !scope || s.sites.includes('*') || s.sites.some((x) => scope.includes(x)))
        .filter((s) => !ownDepartmentOnly || (!!user.department && s.department === user.department))
        .map(toStaff)
        // a site-limited caller sees only the grants to its own sites (issue 29, finding 3); "*" names no site
        .map((s) => (granted ? { ...s, sites: s.sites.filter((x) => x === '*' || granted.includes(x)) } : s))
    );
  }

  @Query(() => [RoutingRuleObject], { description: "The organisation's routing table: lead department first, for every category." })
  routing(@CurrentUser() user: AuthUser): Promise<RoutingRuleObject[]> {
    return routingTable(this.orm.em.fork(), user.org);
  }

  @ResolveReference()
  async resolveReference(ref: { id: string }, ctx: RequestContext): Promise<SiteObject | null> {
    const user = ctx.user;
    if (!user || !scopeOf(user).canSee(ref.id)) return null;
    return (await this.sites(user)).find((s) => s.id === ref.id) ?? null;
  }

  private async visibleSiteIds(em: EntityManager, user: AuthUser): Promise<string[]> {
    const granted = scopeOf(user).siteIds();
    return (await em.find(Site, granted ? { orgId: user.org, id: { $in: [...granted] } } : { orgId: user.org }, { fields: ['id'] })).map(
      (s) => s.id,
    );
  }

  private async visibleSite(user: AuthUser, siteId: string): Promise<Site> {
    const site = await this.orm.em.fork().findOne(Site, { id: siteId, orgId: user.org });
    if (!site || !scopeOf(user).canSee(site.id)) throw invalidInput('siteId', `unknown site ${siteId}`);
    return site;
  }
}
