import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsISO8601,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { defineEvent } from './event-contract';
import { CommitteeMeetingOverdue, ResidentMessageRequested } from './relationship-events';
import {
  QualityFindingRecorded,
  SurveyAnswerPublished,
  SurveyCustomerKind,
  SurveyFollowUpOverdue,
  SurveyItemAnswerV1,
  SurveyOpened,
} from './survey-events';
import {
  CallbackKind,
  Category,
  CauseCategory,
  Channel,
  Circumstance,
  ContractorFailure,
  Department,
  EscalationLevel,
  NotificationKind,
  Role,
  Satisfaction,
  Severity,
  SlaClock,
  VerificationResult,
  WorkOrderStatus,
  WorkOrderStep,
} from './enums';

/** Fields every complaint-related event carries, so each consumer can scope and bucket it. */
abstract class ScopedPayload {
  @IsString() @IsNotEmpty() orgId: string;
  @IsString() @IsNotEmpty() siteId: string;
  @IsString() @IsNotEmpty() complaintId: string;
}

export class DeadlineV1 {
  @IsEnum(SlaClock) clock: SlaClock;
  @IsISO8601({ strict: true }) dueAt: string;
  @IsOptional() @IsISO8601({ strict: true }) metAt?: string;
  @IsOptional() @IsISO8601({ strict: true }) breachedAt?: string;
  /** The rework round the clock belongs to (1 when absent). */
  @IsOptional() @IsInt() @Min(1) round?: number;
  /** The clock no longer applies (FEEDBACK of a complaint that became major). */
  @IsOptional() @IsISO8601({ strict: true }) cancelledAt?: string;
}

/** The intake record as every downstream service needs it (domain.md §1). */
export class IntakeRecordV1 extends ScopedPayload {
  @IsOptional() @IsString() areaId?: string;
  /** The area manager: reports major complaints and visits for their callback (domain.md §3–4). */
  @IsOptional() @IsString() areaManagerId?: string;
  @IsOptional() @IsString() unitId?: string;
  @IsString() @IsNotEmpty() customerId: string;
  @IsEnum(Channel) channel: Channel;
  @IsEnum(Category) category: Category;
  @IsEnum(Severity) severity: Severity;
  @IsArray() @IsEnum(Circumstance, { each: true }) circumstances: Circumstance[];
  @IsBoolean() serious: boolean;
  @IsBoolean() urgent: boolean;
  /** Routed departments, lead first (domain.md §2 routing). */
  @IsArray() @ArrayMinSize(1) @IsEnum(Department, { each: true }) departments: Department[];
  @IsISO8601({ strict: true }) receivedAt: string;
  /** Staff user who took the case; minor callbacks go back to them (domain.md §4). */
  @IsString() @IsNotEmpty() receivedBy: string;
  /** The REPLY deadline: the customer's own time, else 2 hours (urgent) or 2 working days. */
  @IsISO8601({ strict: true }) replyDueAt: string;
  /** IANA time zone of the site, for monthly bucketing and working-day clocks. */
  @IsString() @IsNotEmpty() timeZone: string;
  /** The earlier complaint this one repeats (rule A), when known. */
  @IsOptional() @IsString() repeatOf?: string;
  /** The customer is a key customer (domain.md §7): the queue flags the case. Absent: not one. */
  @IsOptional() @IsBoolean() keyCustomer?: boolean;
}

/** A valid complaint that was not resolved on the spot: dispatch opens work orders for it. */
export class ComplaintFiledV1 extends IntakeRecordV1 {}
export const ComplaintFiled = defineEvent('complaint.filed', 1, ComplaintFiledV1);

/**
 * An invalid or unreasonable complaint (无理投诉, domain.md §1): not dispatched, but owed a reasoned
 * reply within 1 working day (`INVALID_REPLY`, due at `replyDueAt`).
 */
export class ComplaintRejectedV1 extends IntakeRecordV1 {
  @IsString() @IsNotEmpty() reason: string;
}
export const ComplaintRejected = defineEvent('complaint.rejected', 1, ComplaintRejectedV1);

/** Answered on the spot (domain.md §1): counts in reports and still gets its callback. */
export class ComplaintResolvedAtIntakeV1 extends IntakeRecordV1 {
  @IsString() @IsNotEmpty() resolution: string;
  @IsISO8601({ strict: true }) resolvedAt: string;
}
export const ComplaintResolvedAtIntake = defineEvent('complaint.resolved_at_intake', 1, ComplaintResolvedAtIntakeV1);

/** Why a complaint's severity changed (domain.md §2 rules A and D). */
export enum SeverityChangeReason {
  /** Rule A: the same customer raised the same unresolved matter again. */
  REPEATED_UNRESOLVED = 'REPEATED_UNRESOLVED',
  /** Rule D: not reasonably resolved within 10 days (dispatch's MAJOR_UPGRADE clock). */
  UNRESOLVED_10_DAYS = 'UNRESOLVED_10_DAYS',
}

export class ComplaintSeverityChangedV1 extends ScopedPayload {
  @IsEnum(Severity) from: Severity;
  @IsEnum(Severity) to: Severity;
  @IsEnum(SeverityChangeReason) reason: SeverityChangeReason;
  @IsISO8601({ strict: true }) changedAt: string;
  @IsOptional() @IsString() areaId?: string;
  @IsOptional() @IsString() areaManagerId?: string;
  /** The complaint whose filing revealed the repeat (rule A). */
  @IsOptional() @IsString() causedBy?: string;
}
export const ComplaintSeverityChanged = defineEvent('complaint.severity_changed', 1, ComplaintSeverityChangedV1);

/** An invalid complaint got its reasoned reply and is closed (the `INVALID_REPLY` clock). */
export class ComplaintClosedV1 extends ScopedPayload {
  @IsISO8601({ strict: true }) closedAt: string;
  @IsString() @IsNotEmpty() closedBy: string;
  @ValidateNested() @Type(() => DeadlineV1) deadline: DeadlineV1;
}
export const ComplaintClosed = defineEvent('complaint.closed', 1, ComplaintClosedV1);

/**
 * A valid complaint is closed by the site's head with an opinion (seeds/000: 资产管理部负责人…填写意见),
 * after the customer's confirmation and a callback that was not dissatisfied; its records are due at
 * the quality department by `handoverDueAt` (3 days).
 */
export class ComplaintCaseClosedV1 extends ScopedPayload {
  @IsISO8601({ strict: true }) closedAt: string;
  @IsString() @IsNotEmpty() closedBy: string;
  @IsString() @IsNotEmpty() opinion: string;
  @IsISO8601({ strict: true }) handoverDueAt: string;
}
export const ComplaintCaseClosed = defineEvent('complaint.case_closed', 1, ComplaintCaseClosedV1);

/** The quality department verified a closed complaint's handling; FALLS_SHORT sends it back for rework. */
export class ComplaintVerifiedV1 extends ScopedPayload {
  @IsEnum(VerificationResult) result: VerificationResult;
  @IsString() @IsNotEmpty() verifiedBy: string;
  @IsISO8601({ strict: true }) verifiedAt: string;
  @IsOptional() @IsString() findings?: string;
}
export const ComplaintVerified = defineEvent('complaint.verified', 1, ComplaintVerifiedV1);

export class ComplaintResolvedV1 extends ScopedPayload {
  @IsOptional() @IsString() areaId?: string;
  @IsOptional() @IsString() areaManagerId?: string;
  @IsEnum(Severity) severity: Severity;
  @IsEnum(Category) category: Category;
  @IsISO8601({ strict: true }) resolvedAt: string;
  @IsString() @IsNotEmpty() resolvedBy: string;
  /** Who took the case at intake (the minor-complaint callback goes to them). */
  @IsString() @IsNotEmpty() takenBy: string;
  @IsBoolean() atIntake: boolean;
  /** Everyone who handled the case (handlers, resolvers): none of them records its callback (additive). */
  @IsOptional() @IsArray() @IsString({ each: true }) handledBy?: string[];
}
export const ComplaintResolved = defineEvent('complaint.resolved', 1, ComplaintResolvedV1);

export class WorkOrderCreatedV1 extends ScopedPayload {
  @IsString() @IsNotEmpty() workOrderId: string;
  @IsEnum(Department) department: Department;
  @IsBoolean() lead: boolean;
  @IsISO8601({ strict: true }) createdAt: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => DeadlineV1) deadlines: DeadlineV1[];
}
export const WorkOrderCreated = defineEvent('workorder.created', 1, WorkOrderCreatedV1);

export class WorkOrderResolvedV1 extends ScopedPayload {
  @IsString() @IsNotEmpty() workOrderId: string;
  @IsEnum(Department) department: Department;
  @IsISO8601({ strict: true }) resolvedAt: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => DeadlineV1) deadlines: DeadlineV1[];
  /** The countable cause (additive: absent on events published before it existed). */
  @IsOptional() @IsEnum(CauseCategory) cause?: CauseCategory;
}
export const WorkOrderResolved = defineEvent('workorder.resolved', 1, WorkOrderResolvedV1);

/**
 * Callback events carry the case in `complaintId`; for a repair or paid-service callback (`kind`)
 * that is the service's id, not a complaint's.
 */
export class CallbackScheduledV1 extends ScopedPayload {
  @IsString() @IsNotEmpty() callbackId: string;
  @IsOptional() @IsEnum(CallbackKind) kind?: CallbackKind;
  @IsISO8601({ strict: true }) dueAt: string;
  @IsString() @IsNotEmpty() assignee: string;
  // additive: absent on callbacks scheduled before they existed
  /** When the case was resolved: the callback's coverage month (in the site's time zone). */
  @IsOptional() @IsISO8601({ strict: true }) resolvedAt?: string;
  @IsOptional() @IsString() timeZone?: string;
  @IsOptional() @IsString() areaId?: string;
  /** 1 for the first callback of the case, 2 after the first rework, ... */
  @IsOptional() @IsInt() @Min(1) round?: number;
}
export const CallbackScheduled = defineEvent('callback.scheduled', 1, CallbackScheduledV1);

export class CallbackCompletedV1 extends ScopedPayload {
  @IsString() @IsNotEmpty() callbackId: string;
  @IsOptional() @IsEnum(CallbackKind) kind?: CallbackKind;
  @IsISO8601({ strict: true }) completedAt: string;
  @IsEnum(Satisfaction) satisfaction: Satisfaction;
  @IsBoolean() onTime: boolean;
}
export const CallbackCompleted = defineEvent('callback.completed', 1, CallbackCompletedV1);

/**
 * A deadline passed (dispatch's SLA engine). Published once per clock of a work order; consumers
 * act on the clocks they own (intake: `MAJOR_UPGRADE` → rule D).
 */
export class SlaBreachedV1 extends ScopedPayload {
  @IsString() @IsNotEmpty() workOrderId: string;
  @IsEnum(Department) department: Department;
  @IsEnum(SlaClock) clock: SlaClock;
  @IsISO8601({ strict: true }) dueAt: string;
  @IsISO8601({ strict: true }) breachedAt: string;
}
export const SlaBreached = defineEvent('sla.breached', 1, SlaBreachedV1);

/** A work order was passed up one level (a breach, by hand, an emergency or a second dissatisfaction). */
export class WorkOrderEscalatedV1 extends ScopedPayload {
  @IsString() @IsNotEmpty() workOrderId: string;
  @IsEnum(Department) department: Department;
  @IsEnum(EscalationLevel) from: EscalationLevel;
  @IsEnum(EscalationLevel) to: EscalationLevel;
  @IsString() @IsNotEmpty() reason: string;
  @IsOptional() @IsEnum(SlaClock) clock?: SlaClock;
  @IsString() @IsNotEmpty() escalatedBy: string;
  @IsISO8601({ strict: true }) escalatedAt: string;
}
export const WorkOrderEscalated = defineEvent('workorder.escalated', 1, WorkOrderEscalatedV1);

/** A resolved work order went back for rework (the customer was dissatisfied at callback). */
export class WorkOrderReopenedV1 extends ScopedPayload {
  @IsString() @IsNotEmpty() workOrderId: string;
  @IsEnum(Department) department: Department;
  /** 2 for the first rework, 3 for the second, ... */
  @IsInt() @Min(2) round: number;
  @IsISO8601({ strict: true }) reopenedAt: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => DeadlineV1) deadlines: DeadlineV1[];
}
export const WorkOrderReopened = defineEvent('workorder.reopened', 1, WorkOrderReopenedV1);

/**
 * The customer was dissatisfied at callback (domain.md §4): dispatch reopens the responsible
 * department's work order for rework.
 */
export class CallbackDissatisfiedV1 extends ScopedPayload {
  @IsString() @IsNotEmpty() callbackId: string;
  @IsISO8601({ strict: true }) at: string;
  /** The responsible department; the lead department when absent. */
  @IsOptional() @IsEnum(Department) department?: Department;
  @IsOptional() @IsString() shortcomings?: string;
  @IsOptional() @IsString() areaManagerId?: string;
}
export const CallbackDissatisfied = defineEvent('callback.dissatisfied', 1, CallbackDissatisfiedV1);

/** A contractor failed a rectification notice: fined, and the emergency repair team started. */
export class ContractorPenalizedV1 {
  @IsString() @IsNotEmpty() orgId: string;
  @IsString() @IsNotEmpty() siteId: string;
  @IsString() @IsNotEmpty() penaltyId: string;
  @IsString() @IsNotEmpty() noticeId: string;
  @IsString() @IsNotEmpty() contractor: string;
  @IsEnum(ContractorFailure) failure: ContractorFailure;
  @IsISO8601({ strict: true }) at: string;
  /** The work order the notice was issued for (additive). */
  @IsOptional() @IsString() workOrderId?: string;
}
export const ContractorPenalized = defineEvent('contractor.penalized', 1, ContractorPenalizedV1);

/** An emergency (紧急事件) was reported and escalated to leadership at once. */
export class EmergencyReportedV1 {
  @IsString() @IsNotEmpty() orgId: string;
  @IsString() @IsNotEmpty() siteId: string;
  @IsString() @IsNotEmpty() emergencyId: string;
  @IsOptional() @IsString() workOrderId?: string;
  @IsString() @IsNotEmpty() description: string;
  @IsISO8601({ strict: true }) occurredAt: string;
  @IsISO8601({ strict: true }) reportedAt: string;
}
export const EmergencyReported = defineEvent('emergency.reported', 1, EmergencyReportedV1);

/** A repair or paid service was completed (dispatch or intake announce it): it is owed a callback in 24 hours. */
/**
 * A repair (报修) or paid service (有偿服务) requested through intake from any channel: dispatch opens
 * the department's repair work sheet (维修工作单) with its response clock (`responseDueAt`, a per-site
 * setting).
 */
export class ServiceRequestedV1 {
  @IsString() @IsNotEmpty() orgId: string;
  @IsString() @IsNotEmpty() siteId: string;
  @IsString() @IsNotEmpty() serviceId: string;
  @IsIn([CallbackKind.REPAIR, CallbackKind.PAID_SERVICE], { message: 'kind must be REPAIR or PAID_SERVICE' }) kind: CallbackKind;
  @IsString() @IsNotEmpty() customerId: string;
  @IsOptional() @IsString() unitId?: string;
  @IsOptional() @IsString() areaId?: string;
  @IsOptional() @IsString() areaManagerId?: string;
  @IsEnum(Channel) channel: Channel;
  @IsEnum(Department) department: Department;
  @IsString() @IsNotEmpty() description: string;
  /** A paid service's agreed price (the callback checks it). */
  @IsOptional() @IsInt() @Min(0) agreedPriceYuan?: number;
  @IsISO8601({ strict: true }) receivedAt: string;
  @IsString() @IsNotEmpty() receivedBy: string;
  @IsISO8601({ strict: true }) responseDueAt: string;
}
export const ServiceRequested = defineEvent('service.requested', 1, ServiceRequestedV1);

/** A repair's or paid service's clock passed: the response (RESPONSE) or the time the customer was promised (ETA). */
export class ServiceOverdueV1 {
  @IsString() @IsNotEmpty() orgId: string;
  @IsString() @IsNotEmpty() siteId: string;
  @IsString() @IsNotEmpty() serviceId: string;
  @IsIn(['RESPONSE', 'ETA']) clock: 'RESPONSE' | 'ETA';
  @IsEnum(Department) department: Department;
  @IsISO8601({ strict: true }) dueAt: string;
}
export const ServiceOverdue = defineEvent('service.overdue', 1, ServiceOverdueV1);

export class ServiceCompletedV1 {
  @IsString() @IsNotEmpty() orgId: string;
  @IsString() @IsNotEmpty() siteId: string;
  @IsString() @IsNotEmpty() serviceId: string;
  @IsIn([CallbackKind.REPAIR, CallbackKind.PAID_SERVICE], { message: 'kind must be REPAIR or PAID_SERVICE' }) kind: CallbackKind;
  @IsOptional() @IsString() areaId?: string;
  @IsOptional() @IsString() areaManagerId?: string;
  /** Who took the request: the callback goes back to them. */
  @IsString() @IsNotEmpty() takenBy: string;
  @IsISO8601({ strict: true }) completedAt: string;
  // additive: the repair work sheet's facts
  @IsOptional() @IsEnum(Department) department?: Department;
  @IsOptional() @IsString() customerId?: string;
  @IsOptional() @IsInt() @Min(0) chargedYuan?: number;
  /** Was the time the customer was told to expect kept? */
  @IsOptional() @IsBoolean() etaKept?: boolean;
  /** Who did the work: none of them records its callback (additive). */
  @IsOptional() @IsArray() @IsString({ each: true }) handledBy?: string[];
}
export const ServiceCompleted = defineEvent('service.completed', 1, ServiceCompletedV1);

/** A callback passed its 24-hour due time without a result (published once). */
export class CallbackOverdueV1 extends ScopedPayload {
  @IsString() @IsNotEmpty() callbackId: string;
  @IsEnum(CallbackKind) kind: CallbackKind;
  @IsString() @IsNotEmpty() assignee: string;
  @IsISO8601({ strict: true }) dueAt: string;
}
export const CallbackOverdue = defineEvent('callback.overdue', 1, CallbackOverdueV1);

/** One customer's answers to a satisfaction survey (客户意见调查). */
export class SurveyAnsweredV1 {
  @IsString() @IsNotEmpty() orgId: string;
  @IsString() @IsNotEmpty() siteId: string;
  @IsString() @IsNotEmpty() surveyId: string;
  @IsString() @IsNotEmpty() responseId: string;
  @IsString() @IsNotEmpty() surveyKind: string;
  @IsString() @IsNotEmpty() period: string;
  /** The four-level answers of the scale questions, in question order. */
  @IsArray() @IsEnum(Satisfaction, { each: true }) answers: Satisfaction[];
  @IsInt() @Min(0) followUps: number;
  @IsISO8601({ strict: true }) answeredAt: string;
  /** Issue 31 (additive): every answered question with its kind, and who answered (for the results per area and customer kind). */
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => SurveyItemAnswerV1) items?: SurveyItemAnswerV1[];
  @IsOptional() @IsString() groupId?: string;
  @IsOptional() @IsString() customerId?: string;
  @IsOptional() @IsString() areaId?: string;
  @IsOptional() @IsEnum(SurveyCustomerKind) customerKind?: SurveyCustomerKind;
}
export const SurveyAnswered = defineEvent('survey.answered', 1, SurveyAnsweredV1);

/**
 * A site was created or changed in intake's registry. Dispatch and callback keep a directory of the
 * sites of each organisation from it, so that a write naming a site checks it exists in the caller's
 * organisation (the tenant scope) without reading intake's tables.
 */
export class SiteSavedV1 {
  @IsString() @IsNotEmpty() orgId: string;
  @IsString() @IsNotEmpty() siteId: string;
  @IsString() @IsNotEmpty() name: string;
  @IsString() @IsNotEmpty() timeZone: string;
}
export const SiteSaved = defineEvent('registry.site_saved', 1, SiteSavedV1);

/** A customer was recorded or moved to a site (only ids: no name or phone leaves intake). */
export class CustomerSavedV1 {
  @IsString() @IsNotEmpty() orgId: string;
  @IsString() @IsNotEmpty() siteId: string;
  @IsString() @IsNotEmpty() customerId: string;
  /** Issue 31 (additive): owner, tenant or other, and the area of their unit (survey samples are stratified by both). */
  @IsOptional() @IsEnum(SurveyCustomerKind) kind?: SurveyCustomerKind;
  @IsOptional() @IsString() areaId?: string;
}
export const CustomerSaved = defineEvent('registry.customer_saved', 1, CustomerSavedV1);

/**
 * A staff user was created or changed in intake's registry (no phone leaves intake). Dispatch and
 * callback keep the staff they check writes against from it: a handler must be active staff of the
 * work order's department at its site. Notify also keeps the name and e-mail address it addresses
 * messages with (additive: absent on events published before them).
 */
export class StaffSavedV1 {
  @IsString() @IsNotEmpty() orgId: string;
  @IsString() @IsNotEmpty() staffId: string;
  @IsArray() @IsEnum(Role, { each: true }) roles: Role[];
  @IsOptional() @IsEnum(Department) department?: Department;
  /** Site ids, or `["*"]` for every site of the organisation. */
  @IsArray() @IsString({ each: true }) sites: string[];
  @IsBoolean() active: boolean;
  @IsOptional() @IsString() name?: string;
  @IsOptional() @IsString() email?: string;
}
export const StaffSaved = defineEvent('registry.staff_saved', 1, StaffSavedV1);

/** Where a contact with a customer was made (the flow that recorded it). */
export enum ContactSource {
  /** Entered in the contact log by hand (a call, a visit at the finance room or the security post). */
  MANUAL = 'MANUAL',
  COMPLAINT = 'COMPLAINT',
  WORK_ORDER = 'WORK_ORDER',
  CALLBACK = 'CALLBACK',
  SERVICE = 'SERVICE',
  INQUIRY = 'INQUIRY',
}

/**
 * A contact with a customer (与顾客沟通登记表, seeds/004: every office, finance room, repair room and
 * security post keeps one): what was asked and what was answered, by whom, how and when. Published by
 * the flow that made the contact (dispatch: the customer informed; callback: a callback that reached
 * the customer); intake keeps the log, searchable per customer. Idempotent by `source` + `sourceId`.
 */
export class CustomerContactedV1 {
  @IsString() @IsNotEmpty() orgId: string;
  @IsString() @IsNotEmpty() siteId: string;
  /** Absent when the publisher does not know it: intake finds it from the case. */
  @IsOptional() @IsString() customerId?: string;
  /** The complaint, repair, paid service or inquiry it was about. */
  @IsOptional() @IsString() caseId?: string;
  /** The department that made the contact (absent: customer service / the front desk). */
  @IsOptional() @IsEnum(Department) department?: Department;
  @IsEnum(Channel) channel: Channel;
  @IsOptional() @IsString() asked?: string;
  @IsString() @IsNotEmpty() answered: string;
  @IsString() @IsNotEmpty() by: string;
  @IsISO8601({ strict: true }) at: string;
  @IsEnum(ContactSource) source: ContactSource;
  @IsString() @IsNotEmpty() sourceId: string;
}
export const CustomerContacted = defineEvent('customer.contacted', 1, CustomerContactedV1);

/** The coordinator set the amount of a contractor's fine (at least 5,000 yuan). */
export class ContractorPenaltyAmountSetV1 {
  @IsString() @IsNotEmpty() orgId: string;
  @IsString() @IsNotEmpty() siteId: string;
  @IsString() @IsNotEmpty() penaltyId: string;
  @IsInt() @Min(0) amountYuan: number;
  @IsISO8601({ strict: true }) at: string;
}
export const ContractorPenaltyAmountSet = defineEvent('contractor.penalty_amount_set', 1, ContractorPenaltyAmountSetV1);

/** Every attempt failed: the callback is passed to the area manager (it counts as unreachable, not missing). */
export class CallbackUnreachableV1 extends ScopedPayload {
  @IsString() @IsNotEmpty() callbackId: string;
  @IsEnum(CallbackKind) kind: CallbackKind;
  @IsInt() @Min(1) attempts: number;
  @IsString() @IsNotEmpty() escalatedTo: string;
  @IsISO8601({ strict: true }) at: string;
}
export const CallbackUnreachable = defineEvent('callback.unreachable', 1, CallbackUnreachableV1);

export class ProgressNoteV1 {
  @IsString() note: string;
  @IsString() @IsNotEmpty() by: string;
  @IsISO8601({ strict: true }) at: string;
  @IsOptional() @IsISO8601({ strict: true }) customerInformedAt?: string;
  @IsOptional() @IsString() customerInformedVia?: string;
  /** Keys of photos taken at this step (issue 29; optional: records before it have none). */
  @IsOptional() @IsArray() @IsString({ each: true }) attachments?: string[];
}

export class ExtensionV1 {
  @IsEnum(SlaClock) clock: SlaClock;
  @IsISO8601({ strict: true }) previousDueAt: string;
  @IsISO8601({ strict: true }) newDueAt: string;
  @IsString() reason: string;
  @IsISO8601({ strict: true }) customerToldAt: string;
  @IsString() customerToldVia: string;
  @IsString() @IsNotEmpty() by: string;
  @IsISO8601({ strict: true }) at: string;
}

/**
 * The handling record (disposal form) of one work order after a step by a person: plan, sign-off,
 * handler, progress, customer contacts, resolution, confirmation, extensions and clocks, as they
 * stand (event-carried state). `revision` grows with every step, so the newest record wins whatever
 * order records arrive in. Analytics builds the month's complaint list and the archive from it.
 */
export class WorkOrderRecordedV1 extends ScopedPayload {
  @IsString() @IsNotEmpty() workOrderId: string;
  @IsEnum(Department) department: Department;
  @IsBoolean() lead: boolean;
  @IsEnum(WorkOrderStep) step: WorkOrderStep;
  @IsEnum(WorkOrderStatus) status: WorkOrderStatus;
  @IsInt() @Min(1) round: number;
  @IsInt() @Min(1) revision: number;
  @IsEnum(EscalationLevel) escalationLevel: EscalationLevel;
  @IsISO8601({ strict: true }) at: string;
  @IsOptional() @IsString() plan?: string;
  @IsOptional() @IsString() planSignedOffBy?: string;
  @IsOptional() @IsISO8601({ strict: true }) planSignedOffAt?: string;
  @IsOptional() @IsString() handlerId?: string;
  @IsOptional() @IsISO8601({ strict: true }) assignedAt?: string;
  @IsOptional() @IsISO8601({ strict: true }) reportedToHeadAt?: string;
  @IsOptional() @IsString() agreedSolution?: string;
  @IsOptional() @IsISO8601({ strict: true }) solutionAgreedAt?: string;
  @IsOptional() @IsISO8601({ strict: true }) resolvedAt?: string;
  @IsOptional() @IsString() resolvedBy?: string;
  @IsOptional() @IsString() resolution?: string;
  @IsOptional() @IsEnum(CauseCategory) cause?: CauseCategory;
  @IsOptional() @IsString() causeAnalysis?: string;
  @IsOptional() @IsString() preventiveAction?: string;
  @IsOptional() @IsString() correctiveActionReport?: string;
  @IsOptional() @IsISO8601({ strict: true }) confirmedAt?: string;
  /** A reference to the customer's signature (never the signature itself). */
  @IsOptional() @IsString() confirmationSignature?: string;
  @IsOptional() @IsISO8601({ strict: true }) closedAt?: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => ProgressNoteV1) progress: ProgressNoteV1[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => ExtensionV1) extensions: ExtensionV1[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => DeadlineV1) deadlines: DeadlineV1[];
}
export const WorkOrderRecorded = defineEvent('workorder.recorded', 1, WorkOrderRecordedV1);

/** The quality department submitted a site's monthly complaint analysis report (its figures are frozen). */
export class ReportSubmittedV1 {
  @IsString() @IsNotEmpty() orgId: string;
  @IsString() @IsNotEmpty() siteId: string;
  @IsString() @IsNotEmpty() month: string;
  @IsISO8601({ strict: true }) submittedAt: string;
}
export const ReportSubmitted = defineEvent('report.submitted', 1, ReportSubmittedV1);

/** A site's monthly report was not submitted by the end of the month's last day (a durable timer). */
export class ReportOverdueV1 {
  @IsString() @IsNotEmpty() orgId: string;
  @IsString() @IsNotEmpty() siteId: string;
  @IsString() @IsNotEmpty() month: string;
  @IsISO8601({ strict: true }) dueAt: string;
}
export const ReportOverdue = defineEvent('report.overdue', 1, ReportOverdueV1);

/** A key of the attachment store: `<org>/<site>/<uuid>.<ext>`, a thumbnail's `<org>/<site>/<uuid>.thumb.webp` (issue 29). */
export const ATTACHMENT_KEY =
  /^([A-Za-z0-9][A-Za-z0-9._-]{0,63})\/([A-Za-z0-9][A-Za-z0-9._-]{0,63})\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(\.thumb\.webp|\.[a-z]{3,4})$/;

/**
 * Intake stored a file for a site (issue 29, `POST /attachments`): the services that take photos on
 * their own records (dispatch's progress notes) learn that the key was issued, and to whom. Only the
 * key: no bytes, no file name.
 */
export class AttachmentUploadedV1 {
  @IsString() @IsNotEmpty() orgId: string;
  @IsString() @IsNotEmpty() siteId: string;
  @IsString() @IsNotEmpty() key: string;
  @IsString() @IsNotEmpty() uploadedBy: string;
  @IsISO8601({ strict: true }) uploadedAt: string;
}
export const AttachmentUploaded = defineEvent('attachment.uploaded', 1, AttachmentUploadedV1);

/** A closed complaint's archive reached the end of its two years and was purged (its trail keeps this entry). */
export class ArchivePurgedV1 extends ScopedPayload {
  @IsISO8601({ strict: true }) closedAt: string;
  @IsISO8601({ strict: true }) purgedAt: string;
}
export const ArchivePurged = defineEvent('archive.purged', 1, ArchivePurgedV1);

/**
 * The customer answered on the resident page (issue 30): confirmed the case resolved (their own digital
 * confirmation, from the link) and/or rated the resolution on the four levels. The callback service
 * takes a rating as the callback's result when the callback is still owed (DISSATISFIED reopens the
 * case as at a callback); dispatch records the confirmation on the lead work order.
 */
export class ResidentFeedbackGivenV1 extends ScopedPayload {
  @IsString() @IsNotEmpty() customerId: string;
  /** The link the customer answered from (its id; never the token). */
  @IsString() @IsNotEmpty() linkId: string;
  @IsBoolean() confirmResolved: boolean;
  @IsOptional() @IsEnum(Satisfaction) satisfaction?: Satisfaction;
  @IsOptional() @IsString() @MaxLength(2000) comment?: string;
  /** The resolution answered (the complaint's `resolvedAt` at the time). */
  @IsISO8601({ strict: true }) resolvedAt: string;
  @IsISO8601({ strict: true }) at: string;
}
export const ResidentFeedbackGiven = defineEvent('resident.feedback_given', 1, ResidentFeedbackGivenV1);

/**
 * A recipient acknowledged a notification (notify, domain.md §6). For a major complaint the
 * asset-management head's acknowledgement is the report to the head: dispatch meets REPORT_TO_HEAD
 * with it. `complaintId` is absent for messages about no case (a shift handover).
 */
export class NotificationAcknowledgedV1 {
  @IsString() @IsNotEmpty() orgId: string;
  @IsString() @IsNotEmpty() siteId: string;
  @IsOptional() @IsString() complaintId?: string;
  @IsString() @IsNotEmpty() notificationId: string;
  @IsEnum(NotificationKind) kind: NotificationKind;
  @IsString() @IsNotEmpty() recipientId: string;
  @IsArray() @IsEnum(Role, { each: true }) recipientRoles: Role[];
  @IsISO8601({ strict: true }) createdAt: string;
  @IsISO8601({ strict: true }) acknowledgedAt: string;
}
export const NotificationAcknowledged = defineEvent('notification.acknowledged', 1, NotificationAcknowledgedV1);

/** Every contract on the bus (analytics projects them all; the rebuild reads them all). */
export const EVENT_CONTRACTS = [
  ComplaintFiled,
  ComplaintRejected,
  ComplaintResolvedAtIntake,
  ComplaintSeverityChanged,
  ComplaintClosed,
  ComplaintCaseClosed,
  ComplaintVerified,
  ComplaintResolved,
  WorkOrderCreated,
  WorkOrderResolved,
  WorkOrderRecorded,
  WorkOrderEscalated,
  WorkOrderReopened,
  SlaBreached,
  CallbackScheduled,
  CallbackCompleted,
  CallbackDissatisfied,
  CallbackOverdue,
  CallbackUnreachable,
  ContractorPenalized,
  ContractorPenaltyAmountSet,
  EmergencyReported,
  ServiceRequested,
  ServiceOverdue,
  ServiceCompleted,
  SurveyAnswered,
  SurveyOpened,
  SurveyFollowUpOverdue,
  SurveyAnswerPublished,
  QualityFindingRecorded,
  SiteSaved,
  CustomerSaved,
  StaffSaved,
  CustomerContacted,
  ReportSubmitted,
  ReportOverdue,
  ArchivePurged,
  NotificationAcknowledged,
  AttachmentUploaded,
  ResidentFeedbackGiven,
  CommitteeMeetingOverdue,
  ResidentMessageRequested,
] as const;
