import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Department } from '@pc/contracts';

/** A work-liaison letter (工作联系函): one department passes a matter to another, with a deadline. */
@Entity({ tableName: 'liaison_letter' })
@Index({ properties: ['orgId', 'toDepartment', 'answeredAt'] })
@Index({ properties: ['dueAt'] })
export class LiaisonLetter {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 64 }) complaintId: string;
  @Property({ type: 'string', length: 64 }) workOrderId: string;
  /** The sending department; none when the area manager sends it (rework after a dissatisfied callback). */
  @Property({ type: 'string', length: 32, nullable: true }) fromDepartment?: Department | null;
  @Property({ type: 'string', length: 32 }) toDepartment: Department;
  @Property({ type: 'text' }) body: string;
  @Property({ type: 'datetime' }) dueAt: Date;
  @Property({ type: 'string', length: 64 }) sentBy: string;
  @Property({ type: 'datetime' }) sentAt: Date;
  @Property({ type: 'text', nullable: true }) answer?: string | null;
  @Property({ type: 'string', length: 64, nullable: true }) answeredBy?: string | null;
  @Property({ type: 'datetime', nullable: true }) answeredAt?: Date | null;
  /** Set once by the scheduler when the deadline passed unanswered. */
  @Property({ type: 'datetime', nullable: true }) overdueAt?: Date | null;
}

/** What a letter is about: the work order it concerns. */
export interface LetterSubject {
  id: string;
  orgId: string;
  siteId: string;
  complaintId: string;
}

/** Writes a work-liaison letter (工作联系函) about a work order: the one way letters come into being. */
export function writeLiaisonLetter(
  em: EntityManager,
  about: LetterSubject,
  letter: Pick<LiaisonLetter, 'fromDepartment' | 'toDepartment' | 'body' | 'dueAt' | 'sentBy' | 'sentAt'>,
): LiaisonLetter {
  const row = em.create(LiaisonLetter, {
    id: randomUUID(),
    orgId: about.orgId,
    siteId: about.siteId,
    complaintId: about.complaintId,
    workOrderId: about.id,
    ...letter,
  });
  em.persist(row);
  return row;
}
