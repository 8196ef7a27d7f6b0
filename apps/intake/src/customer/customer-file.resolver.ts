import { randomUUID } from 'node:crypto';
import { Args, ID, Int, Mutation, Query, Resolver, ResolveReference } from '@nestjs/graphql';
import { MikroORM, type EntityManager, type EntityName, type FilterQuery } from '@mikro-orm/core';
import { Role } from '@pc/contracts';
import { AuthUser, Clock, CurrentUser, Roles, invalidInput, scopeOf, type RequestContext } from '@pc/platform';
import { decodeCursor, encodeCursor } from '@pc/subgraph';
import { Complaint } from '../complaint/complaint.entity';
import { ComplaintObject } from '../complaint/complaint.object';
import { CONTACT_ROLES } from '../contact-log/contact-log.resolver';
import { Customer, Unit } from '../registry/registry.entities';
import { toCustomer } from '../registry/site.resolver';
import { ServiceRequestObject } from '../service-request/service-request.dto';
import { ServiceRequest } from '../service-request/service-request.entity';
import { Claims } from './claims.usecase';
import { fileKeptUntil } from './customer-rules';
import { Claim, CustomerFileOpening, KeyCustomerTag, UnitHolding, Visit } from './customer.entities';
import { VisitObject } from './visits.dto';
import {
  ClaimObject,
  ClaimsArgs,
  CustomerFileObject,
  CustomerFileOpeningObject,
  CustomerFileOpeningsArgs,
  DecideClaimInput,
  KeyCustomerConnection,
  KeyCustomerObject,
  KeyCustomerTagObject,
  KeyCustomersArgs,
  RecordClaimInput,
  RecordClaimPaidInput,
  RecordUnitHoldingInput,
  TagKeyCustomerInput,
  UnitHoldingObject,
  UntagKeyCustomerInput,
} from './customer.dto';
import { RecordUnitHolding, TagKeyCustomer } from './customer-file.usecases';

/** Who reads the log of file openings (档案查询、签阅). */
export const FILE_AUDITORS = [Role.ADMIN, Role.QUALITY] as const;

const keyCustomerOf = (customer: Customer, tags: KeyCustomerTag[]): KeyCustomerObject | null =>
  tags.length
    ? { customer: toCustomer(customer), reasons: tags.map((t) => t.reason).sort(), tags: tags.map(KeyCustomerTagObject.from) }
    : null;

/** The customer file (domain.md §7): one page of a customer's units, cases and claims; the callback service adds its own. */
@Resolver(() => CustomerFileObject)
export class CustomerFileResolver {
  constructor(
    private readonly orm: MikroORM,
    private readonly clock: Clock,
    private readonly holdings: RecordUnitHolding,
    private readonly tags: TagKeyCustomer,
    private readonly claimsUseCase: Claims,
  ) {}

  @Query(() => CustomerFileObject, {
    nullable: true,
    description: "A customer's file, newest first; null for a customer outside the caller's sites. Every opening is logged.",
  })
  @Roles(...CONTACT_ROLES)
  async customerFile(
    @CurrentUser() user: AuthUser,
    @Args('customerId', { type: () => ID }) customerId: string,
    @Args('newest', {
      type: () => Int,
      nullable: true,
      description: 'Only the newest this many of each list (1–1000; the totals say how many there are); absent: every one.',
    })
    newest?: number | null,
  ): Promise<CustomerFileObject | null> {
    if (newest !== undefined && newest !== null && (!Number.isInteger(newest) || newest < 1 || newest > 1000)) {
      throw invalidInput('newest', 'newest must be between 1 and 1000');
    }
    const em = this.orm.em.fork();
    const customer = await scopeOf(user).findOne(em, Customer, { id: customerId });
    if (!customer) return null;
    const file = await this.assemble(em, user, customer, newest ?? null);
    await em.insert(CustomerFileOpening, {
      id: randomUUID(),
      orgId: customer.orgId,
      siteId: customer.siteId,
      customerId: customer.id,
      openedBy: user.sub,
      openedAt: this.clock.now(),
    });
    return file;
  }

  @Query(() => [CustomerFileOpeningObject], { description: 'Who opened which customer file, newest first (ADMIN, QUALITY).' })
  @Roles(...FILE_AUDITORS)
  async customerFileOpenings(@CurrentUser() user: AuthUser, @Args() args: CustomerFileOpeningsArgs): Promise<CustomerFileOpeningObject[]> {
    const where: FilterQuery<CustomerFileOpening> = args.customerId ? { customerId: args.customerId } : {};
    const rows = await scopeOf(user).rows(
      this.orm.em.fork(),
      CustomerFileOpening,
      where,
      { orderBy: [{ openedAt: 'desc' }, { id: 'desc' }], limit: args.first ?? 50 },
      args.siteId,
    );
    return rows.map((o) => ({ customerId: o.customerId, siteId: o.siteId, openedBy: o.openedBy, openedAt: o.openedAt }));
  }

  @Query(() => KeyCustomerConnection, { description: 'Key customers of the caller’s sites (or one site), by customer id.' })
  @Roles(...CONTACT_ROLES)
  async keyCustomers(@CurrentUser() user: AuthUser, @Args() args: KeyCustomersArgs): Promise<KeyCustomerConnection> {
    const em = this.orm.em.fork();
    const first = args.first ?? 50;
    const where: FilterQuery<KeyCustomerTag> = {};
    if (args.reason) where.reason = args.reason;
    if (args.after) where.customerId = { $gt: decodeCursor(args.after, 1)[0] };
    const tagged = await scopeOf(user).rows(em, KeyCustomerTag, where, { orderBy: [{ customerId: 'asc' }] }, args.siteId);
    const ids = [...new Set(tagged.map((t) => t.customerId))];
    const page = ids.slice(0, first);
    const customers = page.length ? await scopeOf(user).rows(em, Customer, { id: { $in: page } }) : [];
    const allTags = page.length ? await em.find(KeyCustomerTag, { customerId: { $in: page } }, { orderBy: { reason: 'asc' } }) : [];
    const edges = page.flatMap((id) => {
      const customer = customers.find((c) => c.id === id);
      const node = customer
        ? keyCustomerOf(
            customer,
            allTags.filter((t) => t.customerId === id),
          )
        : null;
      return node ? [{ cursor: encodeCursor(id), node }] : [];
    });
    return { edges, pageInfo: { hasNextPage: ids.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  @Query(() => [ClaimObject], { description: 'Claims of the caller’s sites, newest first.' })
  @Roles(...CONTACT_ROLES)
  async claims(@CurrentUser() user: AuthUser, @Args() args: ClaimsArgs): Promise<ClaimObject[]> {
    const where: FilterQuery<Claim> = {};
    if (args.customerId) where.customerId = args.customerId;
    if (args.undecided) where.decision = null;
    const rows = await scopeOf(user).rows(
      this.orm.em.fork(),
      Claim,
      where,
      { orderBy: [{ claimedAt: 'desc' }, { id: 'asc' }], limit: args.first ?? 50 },
      args.siteId,
    );
    return rows.map(ClaimObject.from);
  }

  @Mutation(() => UnitHoldingObject, {
    description: 'Records a unit the customer holds (owner or tenant) and the move-in date; again with a move-out date when they leave.',
  })
  async recordUnitHolding(@CurrentUser() user: AuthUser, @Args('input') input: RecordUnitHoldingInput): Promise<UnitHoldingObject> {
    const h = await this.holdings.execute(user, input);
    const unit = await this.orm.em.fork().findOne(Unit, { id: h.unitId });
    return UnitHoldingObject.from(h, unit?.name ?? h.unitId);
  }

  @Mutation(() => [KeyCustomerTagObject], {
    description: 'Tags a key customer with a reason (tagging again changes the note); answers every tag.',
  })
  async tagKeyCustomer(@CurrentUser() user: AuthUser, @Args('input') input: TagKeyCustomerInput): Promise<KeyCustomerTagObject[]> {
    return (await this.tags.tag(user, input)).map(KeyCustomerTagObject.from);
  }

  @Mutation(() => [KeyCustomerTagObject], { description: 'Removes one reason; answers the tags left.' })
  async untagKeyCustomer(@CurrentUser() user: AuthUser, @Args('input') input: UntagKeyCustomerInput): Promise<KeyCustomerTagObject[]> {
    return (await this.tags.untag(user, input)).map(KeyCustomerTagObject.from);
  }

  @Mutation(() => ClaimObject, { description: 'Records a claim for compensation with its evidence (intake roles).' })
  async recordClaim(@CurrentUser() user: AuthUser, @Args('input') input: RecordClaimInput): Promise<ClaimObject> {
    return ClaimObject.from(await this.claimsUseCase.record(user, input));
  }

  @Mutation(() => ClaimObject, {
    description: 'Decides a claim once (site head, leadership): accepted, partly accepted with the amount, or rejected.',
  })
  async decideClaim(@CurrentUser() user: AuthUser, @Args('input') input: DecideClaimInput): Promise<ClaimObject> {
    return ClaimObject.from(await this.claimsUseCase.decide(user, input));
  }

  @Mutation(() => ClaimObject, { description: 'Records a decided claim’s award paid, once (finance, site head, leadership).' })
  async recordClaimPaid(@CurrentUser() user: AuthUser, @Args('input') input: RecordClaimPaidInput): Promise<ClaimObject> {
    return ClaimObject.from(await this.claimsUseCase.paid(user, input));
  }

  /** A stub from another subgraph: the file, within the caller's scope (not logged: only `customerFile` opens one). */
  @ResolveReference()
  async resolveReference(ref: { customerId: string }, ctx: RequestContext): Promise<CustomerFileObject | null> {
    const user = ctx.user;
    if (!user) return null;
    const em = this.orm.em.fork();
    const customer = await scopeOf(user).findOne(em, Customer, { id: ref.customerId });
    return customer ? this.assemble(em, user, customer) : null;
  }

  private async assemble(em: EntityManager, user: AuthUser, customer: Customer, newest: number | null = null): Promise<CustomerFileObject> {
    const scope = scopeOf(user);
    const mine = { customerId: customer.id };
    const limit = newest ?? undefined;
    const [holdings, complaints, services, claims, tags, visits] = await Promise.all([
      em.find(UnitHolding, mine, { orderBy: { movedInOn: 'desc', id: 'asc' } }),
      scope.rows(em, Complaint, mine, { orderBy: [{ receivedAt: 'desc' }, { id: 'asc' }], limit }),
      scope.rows(em, ServiceRequest, mine, { orderBy: [{ receivedAt: 'desc' }, { id: 'asc' }], limit }),
      scope.rows(em, Claim, mine, { orderBy: [{ claimedAt: 'desc' }, { id: 'asc' }], limit }),
      em.find(KeyCustomerTag, mine, { orderBy: { reason: 'asc' } }),
      scope.rows(em, Visit, mine, { orderBy: [{ month: 'desc' }, { id: 'asc' }], limit }),
    ]);
    const units = holdings.length ? await em.find(Unit, { id: { $in: holdings.map((h) => h.unitId) } }) : [];
    // every list whole: its length is its total; a list cut at `newest` is counted
    const total = <T extends object>(list: unknown[], entity: EntityName<T>): Promise<number> | number =>
      newest === null || list.length < newest ? list.length : em.count(entity, scope.where<T>(mine as FilterQuery<T>));
    const [nComplaints, nServices, nClaims, nVisits] = await Promise.all([
      total(complaints, Complaint),
      total(services, ServiceRequest),
      total(claims, Claim),
      total(visits, Visit),
    ]);
    return {
      totals: { complaints: nComplaints, serviceRequests: nServices, claims: nClaims, visits: nVisits },
      newest,
      customerId: customer.id,
      customer: toCustomer(customer),
      units: holdings.map((h) => UnitHoldingObject.from(h, units.find((u) => u.id === h.unitId)?.name ?? h.unitId)),
      complaints: complaints.map(ComplaintObject.from),
      serviceRequests: services.map(ServiceRequestObject.from),
      claims: claims.map(ClaimObject.from),
      visits: visits.map(VisitObject.from),
      keyCustomer: keyCustomerOf(customer, tags),
      retention: fileKeptUntil(holdings),
      caseIds: [...complaints.map((c) => c.id), ...services.map((s) => s.id)],
    };
  }
}
