import { MikroORM, type FilterQuery } from '@mikro-orm/core';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@pc/contracts';
import { AuthUser, CurrentUser, Roles, scopeOf } from '@pc/platform';
import { IssueRectificationNotice } from './issue-rectification-notice.usecase';
import { RecordContractorResponse } from './record-contractor-response.usecase';
import { SetPenaltyAmount } from './set-penalty-amount.usecase';
import { SettlePenalty } from './settle-penalty.usecase';
import { IssueNoticeInput, PenaltiesArgs, RecordContractorResponseInput, SetPenaltyAmountInput } from './dto/contractor.inputs';
import { ContractorPenaltyObject, RectificationNoticeObject } from './contractor.object';
import { ContractorPenalty, RectificationNotice } from './rectification.entity';
import { WorkOrder } from '../work-order/work-order.entity';
import { departmentFilter } from '../work-order/work-order.access';

const ENGINEERING_ROLES = [Role.DEPARTMENT_STAFF, Role.DEPARTMENT_HEAD, Role.SITE_HEAD] as const;

@Resolver(() => RectificationNoticeObject)
export class ContractorResolver {
  constructor(
    private readonly orm: MikroORM,
    private readonly issue: IssueRectificationNotice,
    private readonly respond: RecordContractorResponse,
    private readonly setAmount: SetPenaltyAmount,
    private readonly settle: SettlePenalty,
  ) {}

  @Query(() => [RectificationNoticeObject], { description: 'Rectification notices of a work order, newest first.' })
  async rectificationNotices(
    @CurrentUser() user: AuthUser,
    @Args('workOrderId', { type: () => ID }) workOrderId: string,
  ): Promise<RectificationNoticeObject[]> {
    const em = this.orm.em.fork();
    // held to the caller's department like the work order itself: another department's notices are not there (issue 29)
    const department = departmentFilter(user);
    if (department.department !== undefined && !(await scopeOf(user).rows(em, WorkOrder, { id: workOrderId, ...department })).length) {
      return [];
    }
    const rows = await scopeOf(user).find(em, RectificationNotice, { workOrderId }, { orderBy: { issuedAt: 'desc' } });
    return rows.map(RectificationNoticeObject.from);
  }

  @Query(() => [ContractorPenaltyObject], { description: 'Contractor fines for settlement, oldest first (at most 500).' })
  async contractorPenalties(@CurrentUser() user: AuthUser, @Args() args: PenaltiesArgs): Promise<ContractorPenaltyObject[]> {
    const where: FilterQuery<ContractorPenalty> = {};
    if (args.settled !== undefined && args.settled !== null) where.settledAt = args.settled ? { $ne: null } : null;
    const rows = await scopeOf(user).find(
      this.orm.em.fork(),
      ContractorPenalty,
      where,
      { orderBy: { at: 'asc', id: 'asc' }, limit: 500 },
      args.siteId,
    );
    return rows.map(ContractorPenaltyObject.from);
  }

  @Mutation(() => RectificationNoticeObject, { description: 'Issues a rectification notice to a contractor (engineering).' })
  @Roles(...ENGINEERING_ROLES)
  async issueRectificationNotice(
    @CurrentUser() user: AuthUser,
    @Args('input') input: IssueNoticeInput,
  ): Promise<RectificationNoticeObject> {
    return RectificationNoticeObject.from(await this.issue.execute({ actor: user, ...input }));
  }

  @Mutation(() => RectificationNoticeObject, {
    description: 'Records what the contractor did; a failure fines them and starts the emergency repair team.',
  })
  @Roles(...ENGINEERING_ROLES)
  async recordContractorResponse(
    @CurrentUser() user: AuthUser,
    @Args('input') input: RecordContractorResponseInput,
  ): Promise<RectificationNoticeObject> {
    return RectificationNoticeObject.from(await this.respond.execute({ actor: user, ...input }));
  }

  @Mutation(() => ContractorPenaltyObject, { description: "Sets a fine's amount (the coordinator; at least 5000 yuan)." })
  @Roles(Role.DEPARTMENT_HEAD, Role.SITE_HEAD)
  async setPenaltyAmount(@CurrentUser() user: AuthUser, @Args('input') input: SetPenaltyAmountInput): Promise<ContractorPenaltyObject> {
    return ContractorPenaltyObject.from(await this.setAmount.execute({ actor: user, ...input }));
  }

  @Mutation(() => ContractorPenaltyObject, { description: 'Marks a fine settled.' })
  @Roles(Role.DEPARTMENT_HEAD, Role.SITE_HEAD)
  async settlePenalty(
    @CurrentUser() user: AuthUser,
    @Args('penaltyId', { type: () => ID }) penaltyId: string,
  ): Promise<ContractorPenaltyObject> {
    return ContractorPenaltyObject.from(await this.settle.execute({ actor: user, penaltyId }));
  }
}
