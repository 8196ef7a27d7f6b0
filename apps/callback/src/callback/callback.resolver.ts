import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { MikroORM, type FilterQuery } from '@mikro-orm/core';
import { Role } from '@pc/contracts';
import { AuthUser, CurrentUser, Roles, siteScope } from '@pc/platform';
import { Callback } from './callback.entity';
import { CallbackObject, ComplaintRef } from './callback.object';
import { RecordCallbackInput } from './dto/record-callback.input';
import { RecordCallback } from './record-callback.usecase';

@Resolver(() => CallbackObject)
export class CallbackResolver {
  constructor(private readonly recordCallback: RecordCallback) {}

  @Mutation(() => CallbackObject, { name: 'recordCallback', description: 'Records who was reached and how satisfied they are.' })
  @Roles(Role.FRONT_DESK, Role.COMPLAINT_REP, Role.AREA_MANAGER, Role.SITE_HEAD, Role.QUALITY)
  async record(@CurrentUser() user: AuthUser, @Args('input') input: RecordCallbackInput): Promise<CallbackObject> {
    return CallbackObject.from(await this.recordCallback.execute(user, input));
  }
}

@Resolver(() => ComplaintRef)
export class ComplaintCallbacksResolver {
  constructor(private readonly orm: MikroORM) {}

  @ResolveField(() => [CallbackObject], { description: 'Callbacks of this complaint, in order.' })
  async callbacks(@Parent() complaint: ComplaintRef, @CurrentUser() user: AuthUser): Promise<CallbackObject[]> {
    const sites = siteScope(user);
    const where: FilterQuery<Callback> = { orgId: user.org, complaintId: complaint.id };
    if (sites) where.siteId = { $in: sites };
    const rows = await this.orm.em.fork().find(Callback, where, { orderBy: { round: 'asc' } });
    return rows.map(CallbackObject.from);
  }
}
