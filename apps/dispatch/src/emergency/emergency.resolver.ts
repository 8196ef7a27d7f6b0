import { MikroORM, type FilterQuery } from '@mikro-orm/core';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@pc/contracts';
import { AuthUser, CurrentUser, Roles, forbidden, hasAnyRole, scopeOf } from '@pc/platform';
import { EmergenciesArgs, RecordEmergencyReviewInput, ReportEmergencyInput } from './dto/emergency.inputs';
import { EmergencyEvent } from './emergency.entity';
import { EmergencyEventObject } from './emergency-event.object';
import { RecordEmergencyReview } from './record-emergency-review.usecase';
import { ReportEmergency } from './report-emergency.usecase';

@Resolver(() => EmergencyEventObject)
export class EmergencyResolver {
  constructor(
    private readonly orm: MikroORM,
    private readonly report: ReportEmergency,
    private readonly review: RecordEmergencyReview,
  ) {}

  @Query(() => [EmergencyEventObject], { description: 'Emergency events, newest first (at most 200).' })
  async emergencies(@CurrentUser() user: AuthUser, @Args() args: EmergenciesArgs): Promise<EmergencyEventObject[]> {
    const where: FilterQuery<EmergencyEvent> = {};
    if (args.open !== undefined && args.open !== null) where.reviewedAt = args.open ? null : { $ne: null };
    const rows = await scopeOf(user).find(
      this.orm.em.fork(),
      EmergencyEvent,
      where,
      { orderBy: { reportedAt: 'desc', id: 'asc' }, limit: 200 },
      args.siteId,
    );
    return rows.map(EmergencyEventObject.from);
  }

  @Mutation(() => EmergencyEventObject, { description: 'Reports an emergency; its work order goes to leadership at once.' })
  async reportEmergency(@CurrentUser() user: AuthUser, @Args('input') input: ReportEmergencyInput): Promise<EmergencyEventObject> {
    if (
      !hasAnyRole(
        user,
        Object.values(Role).filter((r) => r !== Role.ANALYST),
      )
    ) {
      throw forbidden('analysts cannot report emergencies');
    }
    return EmergencyEventObject.from(await this.report.execute({ actor: user, ...input }));
  }

  @Mutation(() => EmergencyEventObject, { description: 'Records cause, remedy and prevention of an emergency.' })
  @Roles(Role.SITE_HEAD, Role.DEPARTMENT_HEAD, Role.AREA_MANAGER, Role.QUALITY, Role.LEADERSHIP)
  async recordEmergencyReview(
    @CurrentUser() user: AuthUser,
    @Args('input') input: RecordEmergencyReviewInput,
  ): Promise<EmergencyEventObject> {
    return EmergencyEventObject.from(await this.review.execute({ actor: user, ...input }));
  }
}
