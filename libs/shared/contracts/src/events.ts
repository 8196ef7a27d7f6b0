import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  ValidateNested,
} from 'class-validator';
import { defineEvent } from './event-contract';
import { Category, Channel, Circumstance, Department, Satisfaction, Severity, SlaClock } from './enums';

/** Fields every complaint-related event carries, so each consumer can scope and bucket it. */
abstract class ScopedPayload {
  @IsString() @IsNotEmpty() orgId: string;
  @IsString() @IsNotEmpty() siteId: string;
  @IsString() @IsNotEmpty() complaintId: string;
}

export class ComplaintFiledV1 extends ScopedPayload {
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
}
export const ComplaintFiled = defineEvent('complaint.filed', 1, ComplaintFiledV1);

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
}
export const ComplaintResolved = defineEvent('complaint.resolved', 1, ComplaintResolvedV1);

export class DeadlineV1 {
  @IsEnum(SlaClock) clock: SlaClock;
  @IsISO8601({ strict: true }) dueAt: string;
  @IsOptional() @IsISO8601({ strict: true }) metAt?: string;
  @IsOptional() @IsISO8601({ strict: true }) breachedAt?: string;
}

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
}
export const WorkOrderResolved = defineEvent('workorder.resolved', 1, WorkOrderResolvedV1);

export class CallbackScheduledV1 extends ScopedPayload {
  @IsString() @IsNotEmpty() callbackId: string;
  @IsISO8601({ strict: true }) dueAt: string;
  @IsString() @IsNotEmpty() assignee: string;
}
export const CallbackScheduled = defineEvent('callback.scheduled', 1, CallbackScheduledV1);

export class CallbackCompletedV1 extends ScopedPayload {
  @IsString() @IsNotEmpty() callbackId: string;
  @IsISO8601({ strict: true }) completedAt: string;
  @IsEnum(Satisfaction) satisfaction: Satisfaction;
  @IsBoolean() onTime: boolean;
}
export const CallbackCompleted = defineEvent('callback.completed', 1, CallbackCompletedV1);
