import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { MikroORM } from '@mikro-orm/core';
import { Role } from '@pc/contracts';
import { AuthUser, CurrentUser, Roles, invalidInput, scopeOf } from '@pc/platform';
import { MonthlyReportObject } from './dto/monthly-report.object';
import { ComplaintFact, DeadlineFact } from './facts.entity';
import { buildMonthlyReport } from './monthly-report';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

@Resolver()
export class ReportResolver {
  constructor(private readonly orm: MikroORM) {}

  @Query(() => MonthlyReportObject, { description: "The monthly complaint analysis of the caller's sites (or one site)." })
  @Roles(Role.ANALYST, Role.QUALITY, Role.LEADERSHIP, Role.SITE_HEAD, Role.AREA_MANAGER)
  async monthlyReport(
    @CurrentUser() user: AuthUser,
    @Args('month', { description: 'YYYY-MM' }) month: string,
    @Args('siteId', { type: () => ID, nullable: true }) siteId?: string,
  ): Promise<MonthlyReportObject> {
    if (!MONTH.test(month)) throw invalidInput('month', 'must be a month as YYYY-MM');
    const em = this.orm.em.fork();
    const facts = await scopeOf(user).find(em, ComplaintFact, { month }, undefined, siteId);
    const deadlines = facts.length
      ? await em.find(DeadlineFact, { orgId: user.org, complaintId: { $in: facts.map((f) => f.complaintId) } })
      : [];
    return buildMonthlyReport(month, siteId ?? null, facts, deadlines);
  }
}
