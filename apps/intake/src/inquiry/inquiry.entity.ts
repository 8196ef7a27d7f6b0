import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Channel, Department } from '@pc/contracts';

export enum InquiryKind {
  /** A question (咨询): answered on the spot or by the department that knows. */
  INQUIRY = 'INQUIRY',
  /** A suggestion (建议), from the suggestion box (意见箱) or any channel: collected and answered. */
  SUGGESTION = 'SUGGESTION',
}

export enum InquiryStatus {
  /** Waiting for the front desk's answer. */
  OPEN = 'OPEN',
  /** Passed to a department to answer. */
  ROUTED = 'ROUTED',
  ANSWERED = 'ANSWERED',
}

/** An inquiry or suggestion (seeds/001: 解答客户咨询…处理客户投诉和建议; 定期开启意见箱…整理和回复). */
@Entity({ tableName: 'inquiry' })
@Index({ properties: ['orgId', 'siteId', 'status', 'receivedAt'] })
@Index({ properties: ['orgId', 'routedTo', 'status'] })
export class Inquiry {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  /** None for an unsigned note from the suggestion box. */
  @Property({ type: 'string', length: 64, nullable: true }) customerId?: string | null;
  @Property({ type: 'string', length: 16 }) kind: InquiryKind;
  @Property({ type: 'string', length: 32 }) channel: Channel;
  @Property({ type: 'text' }) question: string;
  @Property({ type: 'datetime' }) receivedAt: Date;
  @Property({ type: 'string', length: 64 }) receivedBy: string;
  @Property({ type: 'string', length: 16 }) status: InquiryStatus;
  @Property({ type: 'string', length: 32, nullable: true }) routedTo?: Department | null;
  @Property({ type: 'text', nullable: true }) answer?: string | null;
  @Property({ type: 'string', length: 64, nullable: true }) answeredBy?: string | null;
  @Property({ type: 'datetime', nullable: true }) answeredAt?: Date | null;
  @Property({ type: 'string', length: 32, nullable: true }) answeredVia?: Channel | null;
}
