import { Injectable, Module, OnApplicationBootstrap, type DynamicModule } from '@nestjs/common';
import { Entity, Index, PrimaryKey, Property, type EntityManager } from '@mikro-orm/core';
import {
  CustomerSaved,
  SiteSaved,
  StaffSaved,
  type CustomerSavedV1,
  type Department,
  type Role,
  type SurveyCustomerKind,
} from '@pc/contracts';
import { EventConsumers, on, onBatch, type EventHandler } from '@pc/messaging';
import { invalidInput, scopeOf, type AuthUser, type EntityClass } from '@pc/platform';

/** A site of an organisation, as intake's registry announced it (`registry.site_saved`). */
@Entity({ tableName: 'known_site' })
@Index({ properties: ['orgId'] })
export class KnownSite {
  @PrimaryKey({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 200 }) name: string;
  @Property({ type: 'string', length: 64 }) timeZone: string;
}

/**
 * A customer's organisation and site, as intake announced them (`registry.customer_saved`): ids, and
 * owner/tenant with the area of their unit (what survey samples are stratified by); no name or phone.
 */
@Entity({ tableName: 'known_customer' })
@Index({ properties: ['orgId', 'siteId'] })
export class KnownCustomer {
  @PrimaryKey({ type: 'string', length: 64 }) customerId: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  /** Unknown (null) for customers announced before issue 31 until they are saved again. */
  @Property({ type: 'string', length: 16, nullable: true }) kind?: SurveyCustomerKind | null;
  @Property({ type: 'string', length: 64, nullable: true }) areaId?: string | null;
}

/** The row of an announced customer (an announcement from before issue 31 carries no kind or area: both unknown). */
const knownCustomerOf = (p: CustomerSavedV1): KnownCustomer => ({
  customerId: p.customerId,
  orgId: p.orgId,
  siteId: p.siteId,
  kind: p.kind ?? null,
  areaId: p.areaId ?? null,
});

/** A staff user's roles, department and sites, as intake announced them (`registry.staff_saved`): no name or phone. */
@Entity({ tableName: 'known_staff' })
export class KnownStaff {
  @PrimaryKey({ type: 'string', length: 64 }) staffId: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'json' }) roles: Role[];
  @Property({ type: 'string', length: 32, nullable: true }) department?: Department | null;
  /** Site ids, or `["*"]`. */
  @Property({ type: 'json' }) sites: string[];
  @Property({ type: 'boolean' }) active: boolean;

  worksAt(siteId: string): boolean {
    return this.sites.includes('*') || this.sites.includes(siteId);
  }
}

/** How to address a staff user (`registry.staff_saved`'s name and e-mail): kept only by notify. */
@Entity({ tableName: 'known_staff_contact' })
export class KnownStaffContact {
  @PrimaryKey({ type: 'string', length: 64 }) staffId: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 200, nullable: true }) name?: string | null;
  @Property({ type: 'string', length: 254, nullable: true }) email?: string | null;
}

export interface DirectoryOptions {
  /** Follow customers too (callback: survey answers name a customer). */
  customers?: boolean;
  /** Keep staff names and e-mail addresses too (notify addresses its messages with them). */
  contacts?: boolean;
}

/** The entities a service needs for the directory it keeps (sites and staff always; customers and contacts on request). */
export const directoryEntities = (o: DirectoryOptions = {}): EntityClass[] => [
  KnownSite,
  KnownStaff,
  ...(o.customers ? [KnownCustomer] : []),
  ...(o.contacts ? [KnownStaffContact] : []),
];

/** What a named staff user must be for the write that names them. */
export interface StaffRequirement {
  siteId: string;
  /** Any of these roles (none: any role). */
  roles?: Role[];
  department?: Department;
  /** What they are named as, for the error ("handler"). */
  as: string;
}

/**
 * The registry facts a service that does not own the registry needs to keep writes inside the tenant
 * scope: a site named by a write exists in the caller's organisation and is granted to the caller; a
 * customer named by a write belongs to such a site.
 */
@Injectable()
export class Directory {
  /** The site, of the caller's organisation and granted to them; BAD_USER_INPUT "unknown site" or FORBIDDEN otherwise. */
  async site(em: EntityManager, user: AuthUser, siteId: string, field = 'siteId'): Promise<KnownSite> {
    const site = await em.findOne(KnownSite, { siteId, orgId: user.org });
    if (!site) throw invalidInput(field, `unknown site ${siteId}`);
    scopeOf(user).assertSite(site.siteId);
    return site;
  }

  /** A customer of `siteId` in the caller's organisation; BAD_USER_INPUT "unknown customer" otherwise. */
  async customer(em: EntityManager, user: AuthUser, customerId: string, siteId: string, field = 'customerId'): Promise<KnownCustomer> {
    const customer = await em.findOne(KnownCustomer, { customerId, orgId: user.org, siteId });
    if (!customer) throw invalidInput(field, `unknown customer ${customerId} of site ${siteId}`);
    return customer;
  }

  /**
   * A staff user named by a write (a handler, a callback's recorder): known to the caller's
   * organisation, active, working at the site, with the role and department the write needs;
   * BAD_USER_INPUT on `field` saying which of these fails.
   */
  async staff(em: EntityManager, user: AuthUser, staffId: string, need: StaffRequirement, field: string): Promise<KnownStaff> {
    const staff = await em.findOne(KnownStaff, { staffId, orgId: user.org });
    if (!staff) throw invalidInput(field, `unknown staff user ${staffId}`);
    if (!staff.active) throw invalidInput(field, `staff user ${staffId} is no longer active`);
    if (!staff.worksAt(need.siteId)) throw invalidInput(field, `staff user ${staffId} does not work at site ${need.siteId}`);
    if (need.roles?.length && !need.roles.some((r) => staff.roles.includes(r))) {
      throw invalidInput(field, `staff user ${staffId} cannot be the ${need.as}: needs the role ${need.roles.join(' or ')}`);
    }
    if (need.department && staff.department !== need.department) {
      throw invalidInput(field, `staff user ${staffId} is not ${need.department} staff and cannot be the ${need.as}`);
    }
    return staff;
  }
}

/** Keeps the directory from intake's registry events (idempotent upserts; any order). */
@Injectable()
export class DirectoryConsumer implements OnApplicationBootstrap {
  constructor(private readonly consumers: EventConsumers) {}

  static options: DirectoryOptions = {};

  async onApplicationBootstrap(): Promise<void> {
    const handlers: EventHandler<object>[] = [
      on(
        SiteSaved,
        async (p, _e, { em }) =>
          void (await em.upsert(KnownSite, { siteId: p.siteId, orgId: p.orgId, name: p.name, timeZone: p.timeZone })),
      ),
      on(StaffSaved, async (p, _e, { em }) => {
        await em.upsert(KnownStaff, {
          staffId: p.staffId,
          orgId: p.orgId,
          roles: p.roles,
          department: p.department ?? null,
          sites: p.sites,
          active: p.active,
        });
        if (DirectoryConsumer.options.contacts) {
          await em.upsert(KnownStaffContact, { staffId: p.staffId, orgId: p.orgId, name: p.name ?? null, email: p.email ?? null });
        }
      }),
    ];
    if (DirectoryConsumer.options.customers) {
      handlers.push(
        onBatch(
          CustomerSaved,
          async (p, _e, { em }) => void (await em.upsert(KnownCustomer, knownCustomerOf(p))),
          // a batch in one statement; a customer announced twice in it keeps the later announcement
          async (items, { em }) => {
            const latest = new Map(items.map(({ payload: p }) => [p.customerId, knownCustomerOf(p)]));
            await em.upsertMany(KnownCustomer, [...latest.values()]);
          },
        ),
      );
    }
    await this.consumers.start(handlers);
  }
}

@Module({})
export class DirectoryModule {
  static forRoot(options: DirectoryOptions = {}): DynamicModule {
    DirectoryConsumer.options = options;
    return { module: DirectoryModule, providers: [Directory, DirectoryConsumer], exports: [Directory] };
  }
}
