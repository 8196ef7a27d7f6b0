import { Module } from '@nestjs/common';
import { timerOptionsFrom } from '@pc/messaging';
import { ServiceConfig } from '@pc/platform';
import { ArchiveQueries, ArchiveResolver } from '../archive/archive';
import { CaseLibrary } from '../case-library/case-library.service';
import { CaseLibraryResolver } from '../case-library/case-library.resolver';
import { KpiQueries } from '../kpi/kpi.queries';
import { KpiResolver } from '../kpi/kpi.resolver';
import { ProjectionConsumer } from '../projection/projection.consumer';
import { ProductSuggestions, ProductSuggestionsResolver } from '../suggestions/product-suggestions';
import { ANALYTICS_TIMER_OPTIONS, AnalyticsScheduler, ExpiredArchives, OverdueReports } from './analytics-timers';
import { ReportQueries } from './report.queries';
import { ReportResolver } from './report.resolver';
import { SubmitMonthlyReport } from './submit-monthly-report.usecase';
import { SurveyResultsQueries, SurveyResultsResolver } from '../survey/survey-results';

@Module({
  providers: [
    ProjectionConsumer,
    { provide: ANALYTICS_TIMER_OPTIONS, inject: [ServiceConfig], useFactory: timerOptionsFrom },
    OverdueReports,
    ExpiredArchives,
    AnalyticsScheduler,
    ReportQueries,
    SubmitMonthlyReport,
    ReportResolver,
    KpiQueries,
    KpiResolver,
    CaseLibrary,
    CaseLibraryResolver,
    ProductSuggestions,
    ProductSuggestionsResolver,
    ArchiveQueries,
    ArchiveResolver,
    SurveyResultsQueries,
    SurveyResultsResolver,
  ],
})
export class ReportModule {}
