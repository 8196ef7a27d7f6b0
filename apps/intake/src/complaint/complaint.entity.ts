import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Category, Channel, Circumstance, ComplaintStatus, Department, Severity } from '@pc/contracts';
import { ComplaintAction, canDoToComplaint, complaintTransition } from './complaint-lifecycle';

export interface SeverityChange {
  at: string;
  from: Severity;
  to: Severity;
  reason: string;
  causedBy?: string;
}

/** The intake record (客户投诉记录表). */
@Entity({ tableName: 'complaint' })
@Index({ properties: ['orgId', 'siteId', 'receivedAt'] })
@Index({ properties: ['orgId', 'customerId', 'status'] })
@Unique({ properties: ['orgId', 'idempotencyKey'] })
export class Complaint {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 64, nullable: true }) areaId?: string | null;
  @Property({ type: 'string', length: 64, nullable: true }) unitId?: string | null;
  @Property({ type: 'string', length: 64 }) customerId: string;
  @Property({ type: 'string', length: 32 }) channel: Channel;
  @Property({ type: 'string', length: 32 }) category: Category;
  @Property({ type: 'text' }) description: string;
  /** When the customer raised it (a paper record entered late keeps its real time). */
  @Property({ type: 'datetime' }) receivedAt: Date;
  /** The staff member who took the case (the minor-complaint callback goes back to them). */
  @Property({ type: 'string', length: 64 }) receivedBy: string;
  /** The user who entered the record (differs from receivedBy for a paper record typed in later). */
  @Property({ type: 'string', length: 64 }) recordedBy: string;
  /** Public-area location when there is no unit (e.g. "car park B2"). */
  @Property({ type: 'string', length: 200, nullable: true }) location?: string | null;
  /** References to photos, recordings or scanned letters (storage keys or URLs). */
  @Property({ type: 'json' }) attachments: string[] = [];
  @Property({ type: 'datetime', nullable: true }) requestedReplyBy?: Date | null;
  @Property({ type: 'boolean' }) serious: boolean = false;
  @Property({ type: 'boolean' }) urgent: boolean = false;
  @Property({ type: 'json' }) circumstances: Circumstance[] = [];
  @Property({ type: 'string', length: 16 }) severity: Severity;
  @Property({ type: 'boolean' }) valid: boolean = true;
  /** Why an invalid complaint is invalid (recorded, and the basis of the reasoned reply). */
  @Property({ type: 'text', nullable: true }) invalidReason?: string | null;
  /** The reasoned reply given to an invalid complaint, or the answer given on the spot. */
  @Property({ type: 'text', nullable: true }) reply?: string | null;
  @Property({ type: 'datetime', nullable: true }) repliedAt?: Date | null;
  @Property({ type: 'string', length: 32, nullable: true }) repliedVia?: Channel | null;
  /** Rule A: the earlier complaint of the same customer about the same matter. */
  @Property({ type: 'string', length: 64, nullable: true }) repeatOf?: string | null;
  /** The customer was a key customer when it was filed (domain.md §7): flagged at intake and in the queue. */
  @Property({ type: 'boolean', default: false }) keyCustomer: boolean = false;
  /** Every severity change with its rule, for traceability (domain.md §5). */
  @Property({ type: 'json' }) severityHistory: SeverityChange[] = [];
  @Property({ type: 'string', length: 32 }) status: ComplaintStatus;
  /** Routed departments, lead first. */
  @Property({ type: 'json' }) departments: Department[] = [];
  /** The REPLY deadline (valid) or the INVALID_REPLY deadline (invalid). */
  @Property({ type: 'datetime' }) replyDueAt: Date;
  @Property({ type: 'string', length: 200, nullable: true }) idempotencyKey?: string | null;
  /** Hash of the filed input, to tell a retry from a different complaint reusing a key. */
  @Property({ type: 'string', length: 64, nullable: true }) inputHash?: string | null;
  @Property({ type: 'datetime' }) createdAt: Date;
  @Property({ type: 'datetime', nullable: true }) resolvedAt?: Date | null;
  /** Closed by the site head (a resident's link stops working RESIDENT_LINK_DAYS after). */
  @Property({ type: 'datetime', nullable: true }) closedAt?: Date | null;

  // State changes, each checked against the status table of complaint-lifecycle.ts.

  /** Every work order resolved (dispatch's `complaint.resolved`); false when it was not open (a replay). */
  resolve(at: Date): boolean {
    if (!canDoToComplaint(this.status, ComplaintAction.RESOLVE)) return false;
    this.status = complaintTransition(this.status, ComplaintAction.RESOLVE, this.id);
    this.resolvedAt = at;
    return true;
  }

  /** Closed by the site head (dispatch's `complaint.case_closed`); false when it was not resolved (a replay). */
  close(at: Date): boolean {
    if (!canDoToComplaint(this.status, ComplaintAction.CLOSE)) return false;
    this.status = complaintTransition(this.status, ComplaintAction.CLOSE, this.id);
    this.closedAt = at;
    return true;
  }

  /** Back for rework (a dissatisfied callback, a verification that falls short); false when it was not resolved or closed (a replay). */
  reopen(): boolean {
    if (!canDoToComplaint(this.status, ComplaintAction.REOPEN)) return false;
    this.status = complaintTransition(this.status, ComplaintAction.REOPEN, this.id);
    this.resolvedAt = null;
    this.closedAt = null;
    return true;
  }

  /** The reasoned reply that closes an invalid complaint (CONFLICT for any other). */
  replyToInvalid(reply: string, via: Channel, at: Date): void {
    this.status = complaintTransition(this.status, ComplaintAction.REPLY_TO_INVALID, this.id);
    this.reply = reply;
    this.repliedVia = via;
    this.repliedAt = at;
  }
}
