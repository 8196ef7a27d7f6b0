import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { DeadlineV1, SlaClock } from '@pc/contracts';
import { closeClock, type ClockStart } from './sla-clocks';
import { Deadline, isOpen } from './deadline.entity';

/** Sort key of a clock holder without an open clock: after every real deadline. */
export const NO_DEADLINE = new Date('9999-12-31T00:00:00.000Z');

/** What carries clocks (a work order): its id, its current round, and the nearest open due time it keeps. */
export interface ClockHolder {
  id: string;
  round: number;
  nextDueAt: Date;
}

/**
 * The clocks of one holder (a work order) as stored rows. Every change goes through here so that the
 * holder's `nextDueAt` (the queue's sort key and the overdue test) stays true.
 */
export class DeadlineBook {
  private constructor(
    private readonly em: EntityManager,
    private readonly wo: ClockHolder,
    readonly all: Deadline[],
  ) {}

  static async of(em: EntityManager, wo: ClockHolder): Promise<DeadlineBook> {
    const rows = await em.find(Deadline, { workOrderId: wo.id }, { orderBy: { dueAt: 'asc', clock: 'asc' } });
    return new DeadlineBook(em, wo, rows);
  }

  /** The books of many holders, read in one query. */
  static async ofMany(em: EntityManager, wos: ClockHolder[]): Promise<Map<string, DeadlineBook>> {
    const rows = wos.length
      ? await em.find(Deadline, { workOrderId: { $in: wos.map((w) => w.id) } }, { orderBy: { dueAt: 'asc', clock: 'asc' } })
      : [];
    return new Map(
      wos.map((w) => [
        w.id,
        new DeadlineBook(
          em,
          w,
          rows.filter((d) => d.workOrderId === w.id),
        ),
      ]),
    );
  }

  /** A new work order: nothing stored yet. */
  static empty(em: EntityManager, wo: ClockHolder): DeadlineBook {
    return new DeadlineBook(em, wo, []);
  }

  /** The open clock of the current round, or of a notice (whatever round it was issued in), if any. */
  open(clock: SlaClock, ref = ''): Deadline | undefined {
    return this.all.find((d) => d.clock === clock && d.ref === ref && (ref !== '' || d.round === this.wo.round) && isOpen(d));
  }

  has(clock: SlaClock, ref = ''): boolean {
    return this.all.some((d) => d.clock === clock && d.ref === ref && d.round === this.wo.round);
  }

  /** Starts clocks in the work order's current round; a clock already started there is left alone. */
  start(starts: ClockStart[], ref = ''): Deadline[] {
    const added: Deadline[] = [];
    for (const s of starts) {
      if (this.has(s.clock, ref)) continue;
      const d = this.em.create(Deadline, {
        id: randomUUID(),
        workOrderId: this.wo.id,
        clock: s.clock,
        round: this.wo.round,
        ref,
        dueAt: s.dueAt,
      });
      this.em.persist(d);
      this.all.push(d);
      added.push(d);
    }
    this.refresh();
    return added;
  }

  /** Marks the named open clocks met at `at` (met late = breached at its due time). */
  meet(clocks: SlaClock[], at: Date, ref = ''): void {
    for (const c of clocks) {
      const d = this.open(c, ref);
      if (d) closeClock(d, at);
    }
    this.refresh();
  }

  /** Closes every open clock (resolution): met now, or met late. */
  meetAll(at: Date, except: (d: Deadline) => boolean = () => false): void {
    for (const d of this.all) if (isOpen(d) && !except(d)) closeClock(d, at);
    this.refresh();
  }

  /** Clocks that no longer apply; a clock already breached stays as it is (still owed). */
  cancel(clocks: SlaClock[], at: Date, opts: { evenIfBreached?: boolean; ref?: string } = {}): void {
    for (const d of this.all) {
      if (opts.ref !== undefined && d.ref !== opts.ref) continue;
      if (clocks.includes(d.clock) && isOpen(d) && (opts.evenIfBreached || !d.breachedAt)) d.cancelledAt = at;
    }
    this.refresh();
  }

  refresh(): void {
    const open = this.all.filter(isOpen).map((d) => d.dueAt.getTime());
    this.wo.nextDueAt = open.length ? new Date(Math.min(...open)) : NO_DEADLINE;
  }
}

export const deadlineV1 = (d: Deadline): DeadlineV1 => ({
  clock: d.clock,
  dueAt: d.dueAt.toISOString(),
  metAt: d.metAt?.toISOString(),
  breachedAt: d.breachedAt?.toISOString(),
  round: d.round,
  cancelledAt: d.cancelledAt?.toISOString(),
});
