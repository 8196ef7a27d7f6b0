import { Args, Mutation, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { Role } from '@pc/contracts';
import { AuthUser, CurrentUser, Roles, type RequestContext } from '@pc/platform';
import { loadById } from '@pc/subgraph';
import { CallbackQueries } from './callback.queries';
import { CallbackAttemptObject, CallbackObject, ComplaintRef, CoverageObject } from './callback.object';
import { CoverageArgs, WorklistArgs } from './dto/callback.args';
import { RecordCallbackAttemptInput, RecordCallbackInput } from './dto/record-callback.input';
import { RecordCallback } from './record-callback.usecase';
import { RecordCallbackAttempt } from './record-callback-attempt.usecase';

const CALLERS = [
  Role.FRONT_DESK,
  Role.COMPLAINT_REP,
  Role.AREA_MANAGER,
  Role.SITE_HEAD,
  Role.QUALITY,
  Role.DEPARTMENT_STAFF,
  Role.DEPARTMENT_HEAD,
] as const;

@Resolver(() => CallbackObject)
export class CallbackResolver {
  constructor(
    private readonly queries: CallbackQueries,
    private readonly recordCallback: RecordCallback,
    private readonly recordAttempt: RecordCallbackAttempt,
  ) {}

  @Query(() => [CallbackObject], {
    description: "Callbacks owed, earliest due first (overdue ones lead); the caller's own unless an assignee or area is named.",
  })
  callbackWorklist(@CurrentUser() user: AuthUser, @Args() args: WorklistArgs): Promise<CallbackObject[]> {
    return this.queries.worklist(user, args);
  }

  @Query(() => [CoverageObject], { description: 'Callback coverage of the cases resolved in a month, per site, area and kind.' })
  callbackCoverage(@CurrentUser() user: AuthUser, @Args() args: CoverageArgs): Promise<CoverageObject[]> {
    return this.queries.coverage(user, args);
  }

  @ResolveField(() => [CallbackAttemptObject], { description: 'Attempts that did not reach the customer.' })
  attemptHistory(@Parent() c: CallbackObject, @CurrentUser() user: AuthUser): Promise<CallbackAttemptObject[]> {
    return this.queries.attempts(user, c);
  }

  /** `_entities`: only a callback of the caller's scope (null otherwise); one query for all of a request's stubs. */
  @ResolveReference()
  async resolveReference(ref: { id: string }, ctx: RequestContext): Promise<CallbackObject | null> {
    const user = ctx.user;
    return user ? loadById(ctx, 'callback', (ids) => this.queries.findMany(user, ids))(ref.id) : null;
  }

  @Mutation(() => CallbackObject, {
    name: 'recordCallback',
    description: 'Records who was reached, what they said and how satisfied they are.',
  })
  @Roles(...CALLERS)
  async record(@CurrentUser() user: AuthUser, @Args('input') input: RecordCallbackInput): Promise<CallbackObject> {
    return CallbackObject.from(await this.recordCallback.execute({ actor: user, ...input }));
  }

  @Mutation(() => CallbackObject, { description: 'Records an attempt that did not reach the customer, with the retry plan.' })
  @Roles(...CALLERS)
  async recordCallbackAttempt(@CurrentUser() user: AuthUser, @Args('input') input: RecordCallbackAttemptInput): Promise<CallbackObject> {
    return CallbackObject.from(await this.recordAttempt.execute({ actor: user, ...input }));
  }
}

@Resolver(() => ComplaintRef)
export class ComplaintCallbacksResolver {
  constructor(private readonly queries: CallbackQueries) {}

  @ResolveField(() => [CallbackObject], { description: 'Callbacks of this complaint, in order.' })
  callbacks(@Parent() complaint: ComplaintRef, @CurrentUser() user: AuthUser): Promise<CallbackObject[]> {
    return this.queries.forComplaint(user, complaint.id);
  }
}
