import { Args, Query, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser, Roles } from '@pc/platform';
import { REPORT_READERS } from '../report/report.resolver';
import { KpiArgs, KpiPointObject } from './kpi.dto';
import { KpiQueries } from './kpi.queries';

@Resolver()
export class KpiResolver {
  constructor(private readonly queries: KpiQueries) {}

  @Query(() => [KpiPointObject], { description: "KPIs over time for BI tools, within the caller's sites." })
  @Roles(...REPORT_READERS)
  kpis(@CurrentUser() user: AuthUser, @Args() args: KpiArgs): Promise<KpiPointObject[]> {
    return this.queries.kpis(user, args);
  }
}
