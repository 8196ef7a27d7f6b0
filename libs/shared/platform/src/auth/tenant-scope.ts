import { type EntityManager, type EntityName, type FilterQuery, type FindOneOptions, type FindOptions } from '@mikro-orm/core';
import { plainRows, type PlainRowsOptions } from '../persistence/plain-rows';
import type { AuthUser } from './claims';
import { forbidden, notFound } from '../errors/errors';

/** A row that belongs to one site of one organisation. */
export interface TenantRow {
  orgId: string;
  siteId: string;
}

const scopes = new WeakMap<AuthUser, TenantScope>();

/**
 * The one tenant scope (organisation and granted sites) that every read and write path applies:
 * root queries, federation reference resolvers (`_entities`), field resolvers and use cases.
 *
 * Reads of rows out of scope answer "not found" (never "forbidden", which would tell that the id
 * exists); writes to a site not granted answer FORBIDDEN. Nothing in a service filters by
 * organisation or site by hand.
 */
export class TenantScope {
  readonly org: string;
  /** The granted site ids; undefined means every site of the organisation (`["*"]`). */
  readonly sites?: readonly string[];

  private constructor(readonly user: AuthUser) {
    this.org = user.org;
    this.sites = user.sites.includes('*') ? undefined : [...user.sites];
  }

  /** The scope of a verified user (one instance per user object). */
  static of(user: AuthUser): TenantScope {
    let scope = scopes.get(user);
    if (!scope) {
      scope = new TenantScope(user);
      scopes.set(user, scope);
    }
    return scope;
  }

  /** Granted every site of the organisation. */
  get orgWide(): boolean {
    return this.sites === undefined;
  }

  canSee(siteId: string | null | undefined): boolean {
    return !!siteId && (this.sites === undefined || this.sites.includes(siteId));
  }

  /** A row (or a GraphQL parent carrying `orgId` and `siteId`) lies within the scope. */
  covers(row: Partial<TenantRow> | null | undefined): boolean {
    return !!row && row.orgId === this.org && this.canSee(row.siteId);
  }

  /**
   * The site ids a query may read: the granted ones, narrowed to `requested` when given (which must
   * be granted: FORBIDDEN otherwise). undefined = every site of the organisation.
   */
  siteIds(requested?: string | null): readonly string[] | undefined {
    if (requested) {
      this.assertSite(requested);
      return [requested];
    }
    return this.sites;
  }

  /** The condition for rows with `orgId` and `siteId`, and'ed with `extra`. */
  where<T extends object>(extra: FilterQuery<T> = {}, requestedSite?: string | null): FilterQuery<T> {
    const sites = this.siteIds(requestedSite);
    const own = (sites ? { orgId: this.org, siteId: { $in: [...sites] } } : { orgId: this.org }) as unknown as FilterQuery<T>;
    return { $and: [own, extra] } as FilterQuery<T>;
  }

  /** Rows of the scope. */
  find<T extends TenantRow>(
    em: EntityManager,
    entity: EntityName<T>,
    extra?: FilterQuery<T>,
    options?: FindOptions<T>,
    requestedSite?: string | null,
  ): Promise<T[]> {
    return em.find(entity, this.where<T>(extra, requestedSite), options);
  }

  /**
   * Rows of the scope as plain objects (property names, JS values), not entities: for answers that are
   * only read. No hydration and no unit of work, which are most of a list read's CPU otherwise
   * (`plainRows`: simple filters go to SQL without MikroORM's query builder).
   */
  rows<T extends TenantRow>(
    em: EntityManager,
    entity: EntityName<T>,
    extra: FilterQuery<T>,
    options: PlainRowsOptions<T> = {},
    requestedSite?: string | null,
  ): Promise<T[]> {
    return plainRows(em, entity, this.where<T>(extra, requestedSite), options);
  }

  /** One row of the scope, or null (out of scope and absent look the same). */
  findOne<T extends TenantRow>(
    em: EntityManager,
    entity: EntityName<T>,
    extra: FilterQuery<T>,
    options?: FindOneOptions<T>,
  ): Promise<T | null> {
    return em.findOne(entity, this.where<T>(extra), options);
  }

  /** One row of the scope by id; NOT_FOUND otherwise. */
  async load<T extends TenantRow & { id: string }>(
    em: EntityManager,
    entity: EntityName<T>,
    id: string,
    what: string,
    options?: FindOneOptions<T>,
  ): Promise<T> {
    const row = await this.findOne(em, entity, { id } as FilterQuery<T>, options);
    if (!row) throw notFound(what, id);
    return row;
  }

  /** A parent object handed to a field resolver: NOT_FOUND unless it lies within the scope. */
  visible<T extends Partial<TenantRow>>(row: T, what: string, id: string): T {
    if (!this.covers(row)) throw notFound(what, id);
    return row;
  }

  /** A write to a site: FORBIDDEN unless it is granted. */
  assertSite(siteId: string): void {
    if (!this.canSee(siteId)) throw forbidden(`no access to site ${siteId}`);
  }

  /** Organisation-wide settings (routing, staff granted every site, new sites): only org-wide grants. */
  assertOrgWide(what: string): void {
    if (!this.orgWide) throw forbidden(`only a user granted every site of the organisation may ${what}`);
  }
}

/** Shorthand: the scope of a user. */
export const scopeOf = (user: AuthUser): TenantScope => TenantScope.of(user);
