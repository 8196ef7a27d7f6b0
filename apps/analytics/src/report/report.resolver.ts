import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@pc/contracts';
import { AuthUser, CurrentUser, Roles } from '@pc/platform';
import { MonthlyComplaintConnection } from './dto/monthly-complaint.object';
import { MonthlyReportObject } from './dto/monthly-report.object';
import { MonthlyComplaintsArgs, MonthlyReportArgs, SubmitMonthlyReportInput } from './dto/report.args';
import { ReportQueries } from './report.queries';
import { SubmitMonthlyReport } from './submit-monthly-report.usecase';

/** Who reads the month's figures. */
export const REPORT_READERS = [Role.ANALYST, Role.QUALITY, Role.LEADERSHIP, Role.SITE_HEAD, Role.AREA_MANAGER];

@Resolver()
export class ReportResolver {
  constructor(
    private readonly queries: ReportQueries,
    private readonly submit: SubmitMonthlyReport,
  ) {}

  @Query(() => MonthlyReportObject, {
    description:
      "The monthly complaint analysis of the caller's sites (or one site, or one area), with the same figures per site and area.",
  })
  @Roles(...REPORT_READERS)
  monthlyReport(@CurrentUser() user: AuthUser, @Args() args: MonthlyReportArgs): Promise<MonthlyReportObject> {
    return this.queries.monthlyReport(user, args);
  }

  @Query(() => MonthlyComplaintConnection, {
    description: 'Every valid complaint of the month with its handling (上报表格), oldest first.',
  })
  @Roles(...REPORT_READERS)
  monthlyComplaints(@CurrentUser() user: AuthUser, @Args() args: MonthlyComplaintsArgs): Promise<MonthlyComplaintConnection> {
    return this.queries.monthlyComplaints(user, args);
  }

  @Mutation(() => MonthlyReportObject, { description: "Submits the month's report with commentary: its figures are frozen as they stand." })
  @Roles(Role.QUALITY)
  async submitMonthlyReport(@CurrentUser() user: AuthUser, @Args('input') input: SubmitMonthlyReportInput): Promise<MonthlyReportObject> {
    await this.submit.execute(user, input);
    return this.queries.monthlyReport(user, { month: input.month, siteId: input.siteId });
  }
}
