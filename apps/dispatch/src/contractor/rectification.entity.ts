import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { ContractorFailure } from '@pc/contracts';

/** What a contractor did with a rectification notice. */
export enum ContractorResponse {
  ARRIVED = 'ARRIVED',
  RETURNED = 'RETURNED',
  COMPLETED = 'COMPLETED',
  REFUSED = 'REFUSED',
  SUBSTANDARD = 'SUBSTANDARD',
  NOT_RETURNED = 'NOT_RETURNED',
}

/** A rectification notice (工程整改通知单) to the construction contractor of a new building. */
@Entity({ tableName: 'rectification_notice' })
@Index({ properties: ['orgId', 'siteId', 'issuedAt'] })
@Index({ properties: ['rectifyBy'] })
export class RectificationNotice {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 64 }) workOrderId: string;
  @Property({ type: 'string', length: 200 }) contractor: string;
  @Property({ type: 'text' }) defect: string;
  @Property({ type: 'string', length: 64 }) issuedBy: string;
  @Property({ type: 'datetime' }) issuedAt: Date;
  /** The rectification deadline written on the notice. */
  @Property({ type: 'datetime' }) rectifyBy: Date;
  @Property({ type: 'datetime', nullable: true }) arrivedAt?: Date | null;
  @Property({ type: 'datetime', nullable: true }) returnedAt?: Date | null;
  @Property({ type: 'datetime', nullable: true }) completedAt?: Date | null;
  /** The first failure; it fines the contractor and starts the emergency repair team. */
  @Property({ type: 'string', length: 32, nullable: true }) failure?: ContractorFailure | null;
  @Property({ type: 'datetime', nullable: true }) failedAt?: Date | null;
  @Property({ type: 'datetime', nullable: true }) emergencyRepairStartedAt?: Date | null;
}

/** A contractor's fine, kept for settlement; the coordinator sets the amount (at least 5,000 yuan). */
@Entity({ tableName: 'contractor_penalty' })
@Index({ properties: ['orgId', 'siteId', 'settledAt'] })
export class ContractorPenalty {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 64, unique: true }) noticeId: string;
  @Property({ type: 'string', length: 200 }) contractor: string;
  @Property({ type: 'string', length: 32 }) failure: ContractorFailure;
  @Property({ type: 'datetime' }) at: Date;
  /** Whole yuan; null until the coordinator sets it. */
  @Property({ type: 'integer', nullable: true }) amountYuan?: number | null;
  @Property({ type: 'string', length: 64, nullable: true }) amountSetBy?: string | null;
  @Property({ type: 'datetime', nullable: true }) settledAt?: Date | null;
}
