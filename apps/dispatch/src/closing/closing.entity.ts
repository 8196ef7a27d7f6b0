import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Satisfaction, VerificationResult } from '@pc/contracts';

/** The result of a complaint's callback, as callback announced it (`callback.completed`): closing needs it. */
@Entity({ tableName: 'callback_result' })
@Index({ properties: ['orgId', 'complaintId'] })
export class CallbackResult {
  @PrimaryKey({ type: 'string', length: 64 }) callbackId: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) complaintId: string;
  @Property({ type: 'string', length: 32 }) satisfaction: Satisfaction;
  @Property({ type: 'datetime' }) completedAt: Date;
}

/**
 * The closing of a valid complaint (one row per closing; a verification that falls short reopens the
 * case, and its next closing is a new row): the site head's opinion, the handover of the records to
 * the quality department (3 days), and the quality department's verification.
 */
@Entity({ tableName: 'complaint_closure' })
@Index({ properties: ['orgId', 'complaintId', 'closedAt'] })
export class ComplaintClosure {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 64 }) complaintId: string;
  /** The site head's opinion on the disposal form (资产管理部负责人…填写意见). */
  @Property({ type: 'text' }) opinion: string;
  @Property({ type: 'string', length: 64 }) closedBy: string;
  @Property({ type: 'datetime' }) closedAt: Date;
  @Property({ type: 'datetime' }) handoverDueAt: Date;
  @Property({ type: 'string', length: 64, nullable: true }) handedOverBy?: string | null;
  @Property({ type: 'datetime', nullable: true }) handedOverAt?: Date | null;
  @Property({ type: 'string', length: 16, nullable: true }) result?: VerificationResult | null;
  @Property({ type: 'text', nullable: true }) findings?: string | null;
  @Property({ type: 'string', length: 64, nullable: true }) verifiedBy?: string | null;
  @Property({ type: 'datetime', nullable: true }) verifiedAt?: Date | null;
}
