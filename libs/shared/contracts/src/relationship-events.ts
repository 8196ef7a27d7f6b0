import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { DeliveryChannel } from './enums';
import { defineEvent } from './event-contract';

/**
 * A site with an owners' committee went through a month without a recorded meeting (domain.md §7:
 * one a month; intake's durable monthly clock per site). Notify tells the site head.
 */
export class CommitteeMeetingOverdueV1 {
  @IsString() @IsNotEmpty() orgId: string;
  @IsString() @IsNotEmpty() siteId: string;
  /** The month (YYYY-MM, the site's calendar) that had no meeting. */
  @IsString() @IsNotEmpty() month: string;
  /** When the month ended (the clock's due time). */
  @IsISO8601({ strict: true }) dueAt: string;
}
export const CommitteeMeetingOverdue = defineEvent('committee.meeting_overdue', 1, CommitteeMeetingOverdueV1);

/** One resident a message is for: the customer and the number it goes to. */
export class ResidentRecipientV1 {
  @IsString() @IsNotEmpty() customerId: string;
  @IsString() @IsNotEmpty() @MaxLength(40) phone: string;
}

/** The most recipients one message event carries (a larger audience is split, each part its own source key). */
export const RESIDENT_MESSAGE_MAX_RECIPIENTS = 500;

/**
 * Intake asks notify to reach residents (domain.md §7): a notice to a site, area, building or units
 * (by SMS to each resident with a number, and posted once to the site's group robots that take
 * RESIDENT_MESSAGE), or a case's resident link (by SMS to its customer only, never to a group). Notify
 * keeps what was sent to whom and when; `sourceKey` with the recipient makes each message once only.
 */
export class ResidentMessageRequestedV1 {
  @IsString() @IsNotEmpty() orgId: string;
  @IsString() @IsNotEmpty() siteId: string;
  @IsString() @IsNotEmpty() @MaxLength(150) sourceKey: string;
  /** The notice, or the case the link is of. */
  @IsOptional() @IsString() noticeId?: string;
  @IsOptional() @IsString() complaintId?: string;
  @IsString() @IsNotEmpty() @MaxLength(300) title: string;
  @IsString() @IsNotEmpty() @MaxLength(4000) body: string;
  /** Where the resident reads more (their resident page). */
  @IsOptional() @IsString() @MaxLength(1000) link?: string;
  @IsArray()
  @ArrayMaxSize(RESIDENT_MESSAGE_MAX_RECIPIENTS)
  @ValidateNested({ each: true })
  @Type(() => ResidentRecipientV1)
  recipients: ResidentRecipientV1[];
  /**
   * Also post it, once, to the site's group robots and webhooks of these channels that take
   * RESIDENT_MESSAGE (a notice; empty for a personal link, which never goes to a group).
   */
  @IsArray() @IsEnum(DeliveryChannel, { each: true }) siteChannels: DeliveryChannel[];
  @IsISO8601({ strict: true }) at: string;
}
export const ResidentMessageRequested = defineEvent('resident.message_requested', 1, ResidentMessageRequestedV1);
