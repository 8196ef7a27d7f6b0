import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { NotificationKind, SlaClock } from '@pc/contracts';

@ObjectType('CountBy')
export class CountByObject {
  @Field() key: string;
  @Field(() => Int) count: number;
}

@ObjectType('ClockAttainment', {
  description: 'One SLA clock: every deadline of the month is met on time, met late, breached (passed, not met) or open.',
})
export class ClockAttainmentObject {
  @Field(() => SlaClock) clock: string;
  @Field(() => Int) deadlines: number;
  @Field(() => Int) metOnTime: number;
  @Field(() => Int) metLate: number;
  @Field(() => Int, { description: 'Passed and not met (yet).' }) breached: number;
  @Field(() => Int, { description: 'Neither met nor passed.' }) open: number;
  @Field(() => Float, { nullable: true, description: 'metOnTime / (metOnTime + metLate + breached); null when none is decided.' })
  attainment: number | null;
}

@ObjectType('SlaAttainment', { description: 'SLA attainment over every clock of the month (rework rounds included), and per clock.' })
export class SlaAttainmentObject {
  @Field(() => Int) deadlines: number;
  @Field(() => Int) metOnTime: number;
  @Field(() => Int) metLate: number;
  @Field(() => Int) breached: number;
  @Field(() => Int) open: number;
  @Field(() => Float, { nullable: true }) attainment: number | null;
  @Field(() => [ClockAttainmentObject]) byClock: ClockAttainmentObject[];
}

@ObjectType('CallbackCoverage', {
  description:
    'Complaint callbacks owed for resolutions in the month (as callbackCoverage counts them): each on time, late, unreachable, missing or pending.',
})
export class CallbackCoverageObject {
  @Field(() => Int, { description: 'Callbacks owed (one per resolution, rework rounds included).' }) resolved: number;
  @Field(() => Int) completed: number;
  @Field(() => Int) onTime: number;
  @Field(() => Int) late: number;
  @Field(() => Int) unreachable: number;
  @Field(() => Int, { description: 'Past due without a result.' }) missing: number;
  @Field(() => Int, { description: 'Not yet due.' }) pending: number;
  @Field(() => Float, { nullable: true, description: 'completed / resolved; null when nothing was resolved.' }) coverage: number | null;
}

@ObjectType('EscalationCounts')
export class EscalationCountsObject {
  @Field(() => Int) total: number;
  @Field(() => [CountByObject], { description: 'Steps by the level they reached.' }) byLevel: CountByObject[];
}

@ObjectType('ReworkCounts')
export class ReworkCountsObject {
  @Field(() => Int, { description: 'Work orders sent back for rework at least once.' }) workOrders: number;
  @Field(() => Int, { description: 'Rework rounds in all.' }) rounds: number;
}

@ObjectType('PenaltyCounts')
export class PenaltyCountsObject {
  @Field(() => Int) count: number;
  @Field(() => Int, { description: 'Yuan of the fines whose amount is set.' }) yuan: number;
}

@ObjectType('HeadReportAttainment', {
  description: "The major complaints' report to the site's asset-management head within 10 minutes (the REPORT_TO_HEAD clock).",
})
export class HeadReportAttainmentObject {
  @Field(() => Int, { description: 'Major complaints owing the report.' }) deadlines: number;
  @Field(() => Int) metOnTime: number;
  @Field(() => Int) metLate: number;
  @Field(() => Int, { description: 'Ten minutes passed without the report (not made yet).' }) breached: number;
  @Field(() => Int) open: number;
  @Field(() => Float, { nullable: true, description: 'metOnTime / (metOnTime + metLate + breached).' }) attainment: number | null;
}

@ObjectType('AcknowledgementKind')
export class AcknowledgementKindObject {
  @Field(() => NotificationKind) kind: string;
  @Field(() => Int) count: number;
  @Field(() => Float, { nullable: true, description: 'Mean minutes from the message to its acknowledgement.' }) meanMinutes: number | null;
}

@ObjectType('AcknowledgementTimes', {
  description: 'Messages acknowledged in the month (domain.md §6) and how long their recipients took.',
})
export class AcknowledgementTimesObject {
  @Field(() => Int) count: number;
  @Field(() => Float, { nullable: true, description: 'Mean minutes from the message to its acknowledgement.' }) meanMinutes: number | null;
  @Field(() => [AcknowledgementKindObject], { description: 'Per kind of message, most acknowledged first.' })
  byKind: AcknowledgementKindObject[];
}

@ObjectType('SurveyCounts')
export class SurveyCountsObject {
  @Field(() => Int) responses: number;
  @Field(() => Int, { description: 'Answers on the DISSATISFIED level.' }) dissatisfied: number;
  @Field(() => Int, { description: 'Answers on the four levels (issue 31).' }) answers: number;
  @Field(() => Float, { nullable: true, description: '(Very satisfied + satisfied) / the four-level answers; null without any.' })
  share: number | null;
  @Field(() => Float, { nullable: true, description: 'The weighted score 100/80/60/0 over the four-level answers.' }) score: number | null;
}

@ObjectType('RepeatComplainant')
export class RepeatComplainantObject {
  @Field(() => ID) siteId: string;
  @Field(() => ID, { nullable: true }) areaId: string;
  @Field(() => ID) customerId: string;
  @Field(() => Int) complaints: number;
  @Field({ description: 'A rule-A repeat (the same unresolved matter raised again).' }) repeat: boolean;
}

@ObjectType('RepeatComplainants', { description: 'Customers with more than one complaint in the month or a rule-A repeat.' })
export class RepeatComplainantsObject {
  @Field(() => Int) count: number;
  @Field(() => [RepeatComplainantObject], { description: 'The most frequent first (at most 200).' }) customers: RepeatComplainantObject[];
}

@ObjectType('CorrectiveAction', { description: "A major complaint's corrective-action report (domain.md §3)." })
export class CorrectiveActionObject {
  @Field(() => ID) complaintId: string;
  @Field(() => ID) workOrderId: string;
  @Field(() => ID) siteId: string;
  @Field(() => ID, { nullable: true }) areaId: string;
  @Field() department: string;
  @Field(() => String, { nullable: true }) cause: string | null;
  @Field() report: string;
  @Field(() => String, { nullable: true }) resolvedAt: string | null;
}

@ObjectType('ReportSubmission')
export class SubmissionObject {
  @Field(() => ID) siteId: string;
  @Field({ description: 'End of the month’s last day in the site’s time zone.' }) dueAt: string;
  @Field(() => String, { nullable: true }) submittedAt: string | null;
  @Field(() => String, { nullable: true }) submittedBy: string | null;
  @Field(() => String, { nullable: true }) commentary: string | null;
  @Field(() => String, { nullable: true, description: 'Set by the timer when the month ended unsubmitted.' }) flaggedAt: string | null;
}

@ObjectType({ isAbstract: true })
export abstract class ReportFiguresObject {
  @Field(() => Int, { description: 'Valid complaints received in the month.' }) complaints: number;
  @Field(() => Int, { description: 'Invalid complaints received in the month (each owed a reasoned reply).' }) invalid: number;
  @Field(() => Int, { description: 'Valid complaints answered on the spot at intake.' }) resolvedAtIntake: number;
  @Field(() => Int, { description: 'Valid complaints of the month resolved so far.' }) resolved: number;
  @Field(() => Int, { description: 'Complaints of the month closed so far.' }) closed: number;
  @Field(() => [CountByObject]) byCategory: CountByObject[];
  @Field(() => [CountByObject]) bySeverity: CountByObject[];
  @Field(() => [CountByObject]) byChannel: CountByObject[];
  @Field(() => [CountByObject], { description: 'Every department a complaint was routed to counts once for it.' })
  byDepartment: CountByObject[];
  @Field(() => SlaAttainmentObject) sla: SlaAttainmentObject;
  @Field(() => EscalationCountsObject) escalations: EscalationCountsObject;
  @Field(() => Int, { description: 'Deadline extensions granted.' }) extensions: number;
  @Field(() => ReworkCountsObject) rework: ReworkCountsObject;
  @Field(() => PenaltyCountsObject, { description: 'Contractor fines imposed in the month.' }) penalties: PenaltyCountsObject;
  @Field(() => Int, { description: 'Emergencies reported in the month.' }) emergencies: number;
  @Field(() => HeadReportAttainmentObject) headReport: HeadReportAttainmentObject;
  @Field(() => AcknowledgementTimesObject, { description: 'Acknowledgements in the month (shift handovers and the like have no area).' })
  acknowledgements: AcknowledgementTimesObject;
  @Field(() => CallbackCoverageObject) callbacks: CallbackCoverageObject;
  @Field(() => [CountByObject], { description: 'Completed complaint callbacks on the four levels.' }) satisfaction: CountByObject[];
  @Field(() => Float, { nullable: true, description: 'Answers above DISSATISFIED / all answers.' }) satisfactionRate: number | null;
  @Field(() => Int, { description: 'Complaints that are a rule-A repeat.' }) repeatFiled: number;
  @Field(() => Int, { description: 'Customers with more than one complaint in the month or a rule-A repeat.' })
  repeatComplainantCount: number;
  @Field(() => [CountByObject], { description: 'Causes of the resolved work orders, most frequent first (top 10).' })
  topCauses: CountByObject[];
  @Field(() => SurveyCountsObject) surveys: SurveyCountsObject;
}

@ObjectType('SiteReport')
export class SiteReportObject extends ReportFiguresObject {
  @Field(() => ID) siteId: string;
}

@ObjectType('AreaReport')
export class AreaReportObject extends ReportFiguresObject {
  @Field(() => ID) siteId: string;
  @Field(() => ID) areaId: string;
}

@ObjectType('MonthlyReport', {
  description: 'The monthly complaint analysis report (客户投诉分析报告表) of the scope, with the same figures per site and area.',
})
export class MonthlyReportObject extends ReportFiguresObject {
  @Field() month: string;
  @Field(() => ID, { nullable: true }) siteId: string | null;
  @Field(() => ID, { nullable: true }) areaId: string | null;
  @Field(() => [SiteReportObject]) bySite: SiteReportObject[];
  @Field(() => [AreaReportObject]) byArea: AreaReportObject[];
  @Field(() => RepeatComplainantsObject) repeatComplainants: RepeatComplainantsObject;
  @Field(() => [CorrectiveActionObject], { description: 'Of the month’s major complaints (at most 200).' })
  correctiveActions: CorrectiveActionObject[];
  @Field(() => String, { nullable: true, description: 'When every site of the report was submitted: the last submission.' }) submittedAt:
    string | null;
  @Field(() => [SubmissionObject]) submissions: SubmissionObject[];
}
