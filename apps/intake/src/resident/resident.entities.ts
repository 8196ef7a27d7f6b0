import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import type { Satisfaction } from '@pc/contracts';

/** A resident's link to one case (`/r/<token>`): the token is `<id>.<signature>`, never stored; revocable. */
@Entity({ tableName: 'resident_link' })
@Index({ properties: ['complaintId'] })
export class ResidentLink {
  @PrimaryKey({ type: 'string', length: 32 }) id: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 64 }) complaintId: string;
  @Property({ type: 'string', length: 64 }) customerId: string;
  @Property({ type: 'string', length: 64 }) createdBy: string;
  @Property({ type: 'datetime' }) createdAt: Date;
  @Property({ type: 'datetime', nullable: true }) revokedAt?: Date | null;
  @Property({ type: 'string', length: 64, nullable: true }) revokedBy?: string | null;
}

/** What the customer did on the resident page: confirmed the resolution, rated it (once per resolution). */
@Entity({ tableName: 'resident_feedback' })
@Index({ properties: ['complaintId', 'resolvedAt'] })
export class ResidentFeedback {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 64 }) complaintId: string;
  @Property({ type: 'string', length: 64 }) customerId: string;
  @Property({ type: 'string', length: 32 }) linkId: string;
  /** The resolution answered (the complaint's resolvedAt then): a reopened and again resolved case may be answered again. */
  @Property({ type: 'datetime' }) resolvedAt: Date;
  @Property({ type: 'datetime', nullable: true }) confirmedAt?: Date | null;
  @Property({ type: 'string', length: 32, nullable: true }) satisfaction?: Satisfaction | null;
  @Property({ type: 'text', nullable: true }) comment?: string | null;
  @Property({ type: 'datetime' }) at: Date;
}

/** How the lead department's work stands, as `workorder.recorded` tells it: what the resident page shows. */
@Entity({ tableName: 'case_progress' })
export class CaseProgress {
  @PrimaryKey({ type: 'string', length: 64 }) complaintId: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 64 }) workOrderId: string;
  @Property({ type: 'integer' }) revision: number;
  @Property({ type: 'datetime', nullable: true }) planSignedOffAt?: Date | null;
  @Property({ type: 'datetime', nullable: true }) assignedAt?: Date | null;
  @Property({ type: 'datetime', nullable: true }) solutionAgreedAt?: Date | null;
  @Property({ type: 'datetime', nullable: true }) resolvedAt?: Date | null;
  /** The lead work order's clocks of the current round (DeadlineV1 as sent). */
  @Property({ type: 'json' }) deadlines: { clock: string; dueAt: string; metAt?: string; breachedAt?: string; cancelledAt?: string }[] = [];
}

export const RESIDENT_ENTITIES = [ResidentLink, ResidentFeedback, CaseProgress];
