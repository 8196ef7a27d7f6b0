import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Category, Department, Role } from '@pc/contracts';
import { CHINA_ANNUAL_HOLIDAYS, type WorkingCalendar } from '@pc/calendar';

@Entity({ tableName: 'organisation' })
export class Organisation {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 200 }) name: string;
}

/** A building, compound or managed office (管理处 / 楼宇 / 小区), with its working calendar. */
/** The default response time of a repair request, until a site sets its own. */
export const DEFAULT_REPAIR_RESPONSE_MINUTES = 30;

@Entity({ tableName: 'site' })
@Index({ properties: ['orgId'] })
export class Site {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 200 }) name: string;
  @Property({ type: 'string', length: 64 }) timeZone: string = 'Asia/Shanghai';
  /** Dated public holidays (YYYY-MM-DD) on which no working-day clock runs. */
  @Property({ type: 'json' }) holidays: string[] = [];
  /** Weekend days that are working days (调休). */
  @Property({ type: 'json' }) makeUpWorkdays: string[] = [];
  /** Holidays on the same date every year (MM-DD); mainland China's fixed-date ones by default. */
  @Property({ type: 'json' }) annualHolidays: string[] = [...CHINA_ANNUAL_HOLIDAYS];
  /** Minutes within which a repair or paid-service request gets its response (the customer told when to expect it). */
  @Property({ type: 'integer', default: DEFAULT_REPAIR_RESPONSE_MINUTES }) repairResponseMinutes: number = DEFAULT_REPAIR_RESPONSE_MINUTES;
}

export const calendarOf = (site: Site): WorkingCalendar => ({
  timeZone: site.timeZone,
  holidays: site.holidays,
  makeUpWorkdays: site.makeUpWorkdays,
  annualHolidays: site.annualHolidays,
});

/** An area (片区) of a site, led by an area manager. */
@Entity({ tableName: 'area' })
@Index({ properties: ['siteId'] })
export class Area {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 200 }) name: string;
  @Property({ type: 'string', length: 64, nullable: true }) areaManagerId?: string | null;
}

@Entity({ tableName: 'unit' })
@Index({ properties: ['siteId'] })
export class Unit {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 64 }) areaId: string;
  @Property({ type: 'string', length: 100 }) name: string;
  /** The building (楼/栋/幢) it is in: notices go to a building's units. Unset: read from the name (`buildingOf`). */
  @Property({ type: 'string', length: 100, nullable: true }) building?: string | null;
}

export enum CustomerKind {
  OWNER = 'OWNER',
  TENANT = 'TENANT',
  OTHER = 'OTHER',
}

@Entity({ tableName: 'customer' })
@Index({ properties: ['orgId', 'phone'] })
@Index({ properties: ['orgId', 'siteId'] })
export class Customer {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  /** The site the customer belongs to (their unit's, or where a walk-in customer was first recorded); scopes who may see them. */
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 200 }) name: string;
  @Property({ type: 'string', length: 40 }) phone: string;
  @Property({ type: 'string', length: 200, nullable: true }) email?: string | null;
  @Property({ type: 'string', length: 16 }) kind: CustomerKind = CustomerKind.OTHER;
  @Property({ type: 'string', length: 64, nullable: true }) unitId?: string | null;
}

/** A staff user of an organisation: roles, department and the sites granted (api.md claims). */
@Entity({ tableName: 'staff_user' })
@Index({ properties: ['orgId'] })
export class StaffUser {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 200 }) name: string;
  @Property({ type: 'string', length: 40, nullable: true }) phone?: string | null;
  /** Where notify e-mails them (domain.md §6); optional. */
  @Property({ type: 'string', length: 254, nullable: true }) email?: string | null;
  @Property({ type: 'json' }) roles: Role[] = [];
  @Property({ type: 'string', length: 32, nullable: true }) department?: Department | null;
  /** Site ids, or `['*']` for every site of the organisation. */
  @Property({ type: 'json' }) sites: string[] = [];
  @Property({ type: 'boolean' }) active: boolean = true;
}

/** An organisation's own routing of one category (domain.md §2): lead first, co-handlers after. */
@Entity({ tableName: 'routing_rule' })
export class RoutingRule {
  @PrimaryKey({ type: 'string', length: 64 }) orgId: string;
  @PrimaryKey({ type: 'string', length: 32 }) category: Category;
  @Property({ type: 'json' }) departments: Department[] = [];
}

export const REGISTRY_ENTITIES = [Organisation, Site, Area, Unit, Customer, StaffUser, RoutingRule];
