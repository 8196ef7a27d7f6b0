import { CallbackKind, Severity } from '@pc/contracts';
import { CallbackMethod } from './callback.entity';

/** domain.md §4: a callback is due 24 hours after the resolution. */
export const CALLBACK_DUE_MS = 24 * 3_600_000;

/**
 * domain.md §4: complaints, repairs and paid services are called back within 24 hours of
 * resolution; a minor complaint, a repair or a paid service by whoever took the case, by phone or
 * WeChat; a major complaint by the area manager, in person.
 */
export function callbackPlan(args: {
  kind?: CallbackKind;
  severity: Severity;
  resolvedAt: Date;
  takenBy: string;
  areaManagerId?: string;
}): { dueAt: Date; assignee: string; allowedMethods: CallbackMethod[] } {
  const dueAt = new Date(args.resolvedAt.getTime() + CALLBACK_DUE_MS);
  if ((args.kind ?? CallbackKind.COMPLAINT) === CallbackKind.COMPLAINT && args.severity === Severity.MAJOR) {
    return { dueAt, assignee: args.areaManagerId ?? args.takenBy, allowedMethods: [CallbackMethod.VISIT] };
  }
  return { dueAt, assignee: args.takenBy, allowedMethods: [CallbackMethod.PHONE, CallbackMethod.WECHAT] };
}

/**
 * Coverage of one bucket (site, area, month, kind): every resolution is owed a callback; each is
 * done on time, done late, unreachable (attempts exhausted, escalated), missing (overdue, no
 * result) or pending (not yet due). Nothing resolved can fall outside these five.
 */
export interface CoverageCounts {
  resolved: number;
  onTime: number;
  late: number;
  unreachable: number;
  missing: number;
  pending: number;
}

export function coverageOf(callbacks: { status: string; dueAt: Date; completedAt?: Date | null }[], now: Date): CoverageCounts {
  const c: CoverageCounts = { resolved: callbacks.length, onTime: 0, late: 0, unreachable: 0, missing: 0, pending: 0 };
  for (const cb of callbacks) {
    if (cb.status === 'DONE') {
      if (cb.completedAt && cb.completedAt.getTime() <= cb.dueAt.getTime()) c.onTime += 1;
      else c.late += 1;
    } else if (cb.status === 'UNREACHABLE') c.unreachable += 1;
    else if (cb.dueAt.getTime() < now.getTime()) c.missing += 1;
    else c.pending += 1;
  }
  return c;
}
