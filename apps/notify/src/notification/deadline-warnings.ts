import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { NotificationKind, type DeadlineV1, type Department } from '@pc/contracts';
import { claimLock, type EventWriter, type TimerSource } from '@pc/messaging';
import { KnownSite } from '@pc/subgraph';
import { CaseFile, DeadlineWatch } from './notification.entity';
import { Notifier, describe } from './notifier';

/** Rule (domain.md §6, our addition): a deadline warns at 50 % and at 80 % of its time. */
export const WARN_AT = [50, 80] as const;

/** The time of the warning after `warned` (0, 50 or 80) for a clock from `start` to `due`; null after the last. */
export function nextWarning(start: Date, due: Date, warned: number): Date | null {
  const next = WARN_AT.find((p) => p > warned);
  if (next === undefined || due.getTime() <= start.getTime()) return null;
  return new Date(start.getTime() + ((due.getTime() - start.getTime()) * next) / 100);
}

type WatchRow = Pick<
  DeadlineWatch,
  | 'id'
  | 'orgId'
  | 'siteId'
  | 'complaintId'
  | 'workOrderId'
  | 'department'
  | 'clock'
  | 'startAt'
  | 'dueAt'
  | 'nextWarnAt'
  | 'warned'
  | 'open'
>;

/**
 * A work order's deadlines as watches: an open clock keeps its warnings to come; a met, breached or
 * cancelled one has none left. A watch already known keeps its start and the warnings it gave.
 */
export function watchesOf(
  wo: { orgId: string; siteId: string; complaintId: string; workOrderId: string; department: Department },
  deadlines: DeadlineV1[],
  startAt: Date,
  existing: { id: string; startAt: Date; warned: number }[],
): WatchRow[] {
  return deadlines.map((d) => {
    const id = `${wo.workOrderId}|${d.clock}|${d.round ?? 1}`;
    const known = existing.find((e) => e.id === id);
    const start = known?.startAt ?? startAt;
    const warned = known?.warned ?? 0;
    const due = new Date(d.dueAt);
    const open = !d.metAt && !d.breachedAt && !d.cancelledAt;
    return {
      id,
      orgId: wo.orgId,
      siteId: wo.siteId,
      complaintId: wo.complaintId,
      workOrderId: wo.workOrderId,
      department: wo.department,
      clock: d.clock,
      startAt: start,
      dueAt: due,
      warned,
      open,
      nextWarnAt: open ? nextWarning(start, due, warned) : null,
    };
  });
}

/** Gives the warnings that are due (claimed with row locks: once across replicas). */
@Injectable()
export class DeadlineWarnings implements TimerSource {
  readonly name = 'deadline warnings';
  constructor(private readonly notifier: Notifier) {}

  async fireDue(em: EntityManager, _events: EventWriter, now: Date, limit: number): Promise<number> {
    const due = await em.find(
      DeadlineWatch,
      { nextWarnAt: { $lte: now } },
      { orderBy: { nextWarnAt: 'asc' }, limit, lockMode: claimLock(em) },
    );
    const warn: { w: DeadlineWatch; step: number }[] = [];
    for (const w of due) {
      const step = WARN_AT.find((p) => p > w.warned) ?? 80;
      w.warned = step;
      w.nextWarnAt = nextWarning(w.startAt, w.dueAt, step);
      if (w.dueAt.getTime() > now.getTime()) warn.push({ w, step }); // passed while we were down: the breach notice says it
    }
    if (!warn.length) return due.length;
    // the batch's site names and case files read once, its messages written together
    const [sites, files] = await Promise.all([
      em.find(KnownSite, { siteId: { $in: [...new Set(warn.map(({ w }) => w.siteId))] } }),
      em.find(CaseFile, { complaintId: { $in: [...new Set(warn.map(({ w }) => w.complaintId))] } }),
    ]);
    await this.notifier.announceMany(
      em,
      warn.map(({ w, step }) => ({
        kind: NotificationKind.DEADLINE_WARNING,
        orgId: w.orgId,
        siteId: w.siteId,
        complaintId: w.complaintId,
        workOrderId: w.workOrderId,
        department: w.department,
        clock: w.clock,
        category: files.find((f) => f.complaintId === w.complaintId)?.category ?? undefined,
        sourceKey: `warn:${w.id}:${step}`,
        at: now,
        ...describe(NotificationKind.DEADLINE_WARNING, {
          complaintId: w.complaintId,
          siteName: sites.find((x) => x.siteId === w.siteId)?.name ?? w.siteId,
          clock: w.clock,
          dueAt: w.dueAt.toISOString(),
          extra: `${step} % of its time has passed`,
        }),
      })),
    );
    return due.length;
  }
}
