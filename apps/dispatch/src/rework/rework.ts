import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { WorkOrderReopened } from '@pc/contracts';
import type { EventWriter } from '@pc/messaging';
import { writeLiaisonLetter } from '../liaison/liaison-letter.entity';
import { DeadlineBook, deadlineV1 } from '../sla/deadline-book';
import { reworkClocks } from '../sla/sla-clocks';
import { ProgressNote, finishedRound, type WorkOrder } from '../work-order/work-order.entity';

/** A rework letter is due within one day. */
const REWORK_LETTER_MS = 24 * 3_600_000;

export interface Rework {
  /** What ended the round (kept with it). */
  endedBy: string;
  /** The progress note that says so. */
  note: string;
  /** The liaison letter's body. */
  letter: string;
  sentBy: string;
  at: Date;
}

/**
 * Sends a work order back for rework (a dissatisfied callback, a verification that falls short): the
 * finished round is kept as it was (rule "every round is kept"), the work order starts the next round
 * with new clocks, the department gets a liaison letter, and `workorder.reopened` is announced.
 * `book`: the work order's clocks when the caller holds them already (a work-order command).
 */
export async function reopenForRework(
  em: EntityManager,
  events: EventWriter,
  wo: WorkOrder,
  r: Rework,
  book?: DeadlineBook,
): Promise<void> {
  em.persist(finishedRound(wo, randomUUID(), r.endedBy, r.at));
  em.persist(em.create(ProgressNote, { id: randomUUID(), workOrderId: wo.id, note: r.note, by: 'system', at: r.at }));
  wo.reopen();
  const clocks = book ?? (await DeadlineBook.of(em, wo));
  const started = clocks.start(reworkClocks({ lead: wo.lead, severity: wo.severity, at: r.at }));
  writeLiaisonLetter(em, wo, {
    fromDepartment: null,
    toDepartment: wo.department,
    body: r.letter,
    dueAt: new Date(r.at.getTime() + REWORK_LETTER_MS),
    sentBy: r.sentBy,
    sentAt: r.at,
  });
  events.publish(WorkOrderReopened, {
    orgId: wo.orgId,
    siteId: wo.siteId,
    complaintId: wo.complaintId,
    workOrderId: wo.id,
    department: wo.department,
    round: wo.round,
    reopenedAt: r.at.toISOString(),
    deadlines: started.map(deadlineV1),
  });
}
