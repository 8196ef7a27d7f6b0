import { LockMode, type EntityManager } from '@mikro-orm/core';
import type { EventWriter } from '@pc/messaging';

/**
 * One kind of durable timer (SLA clocks, liaison letters, rectification deadlines): rows in the
 * database that fire once when due. `fireDue` claims up to `limit` due rows inside the scheduler's
 * transaction (FOR UPDATE SKIP LOCKED, so replicas never take the same row), marks them fired and
 * writes their effects and events in that same transaction; it answers how many it fired.
 */
export interface TimerSource {
  readonly name: string;
  fireDue(em: EntityManager, events: EventWriter, now: Date, limit: number): Promise<number>;
}

/** Claim lock: rows another replica holds are skipped, not waited for (PostgreSQL). */
export const claimLock = (em: EntityManager): LockMode.PESSIMISTIC_PARTIAL_WRITE | undefined =>
  em.getDriver().constructor.name === 'PostgreSqlDriver' ? LockMode.PESSIMISTIC_PARTIAL_WRITE : undefined;
