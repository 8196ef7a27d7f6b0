import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

@Entity({ tableName: 'organisation' })
export class Organisation {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 200 }) name: string;
}

/** A building, compound or managed office (管理处 / 楼宇 / 小区), with its working calendar. */
@Entity({ tableName: 'site' })
@Index({ properties: ['orgId'] })
export class Site {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 200 }) name: string;
  @Property({ type: 'string', length: 64 }) timeZone: string = 'Asia/Shanghai';
  /** Public holidays (YYYY-MM-DD) on which no working-day clock runs. */
  @Property({ type: 'json' }) holidays: string[] = [];
  /** Weekend days that are working days (调休). */
  @Property({ type: 'json' }) makeUpWorkdays: string[] = [];
}

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
}

export enum CustomerKind {
  OWNER = 'OWNER',
  TENANT = 'TENANT',
  OTHER = 'OTHER',
}

@Entity({ tableName: 'customer' })
@Index({ properties: ['orgId', 'phone'] })
export class Customer {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 200 }) name: string;
  @Property({ type: 'string', length: 40 }) phone: string;
  @Property({ type: 'string', length: 16 }) kind: CustomerKind = CustomerKind.OTHER;
  @Property({ type: 'string', length: 64, nullable: true }) unitId?: string | null;
}

export const REGISTRY_ENTITIES = [Organisation, Site, Area, Unit, Customer];
