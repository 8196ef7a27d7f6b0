/**
 * Callback coverage (domain.md §4: 100 % for complaints, repairs and paid services), defined once
 * for the callback service's `callbackCoverage` and analytics' monthly report: every resolution is
 * owed a callback, and each callback is exactly one of these five.
 */
export enum CallbackOutcome {
  /** Done, within 24 hours of the resolution. */
  ON_TIME = 'ON_TIME',
  /** Done after its due time. */
  LATE = 'LATE',
  /** Every attempt failed; passed to the area manager. */
  UNREACHABLE = 'UNREACHABLE',
  /** Past its due time with no result: owed and overdue. */
  MISSING = 'MISSING',
  /** Not yet due. */
  PENDING = 'PENDING',
}

export interface CallbackState {
  /** The callback service's status: OPEN, DONE or UNREACHABLE. */
  status: string;
  dueAt: Date;
  completedAt?: Date | null;
}

export function callbackOutcome(cb: CallbackState, now: Date): CallbackOutcome {
  if (cb.status === 'DONE') {
    return cb.completedAt && cb.completedAt.getTime() <= cb.dueAt.getTime() ? CallbackOutcome.ON_TIME : CallbackOutcome.LATE;
  }
  if (cb.status === 'UNREACHABLE') return CallbackOutcome.UNREACHABLE;
  return cb.dueAt.getTime() < now.getTime() ? CallbackOutcome.MISSING : CallbackOutcome.PENDING;
}

export interface CoverageCounts {
  resolved: number;
  onTime: number;
  late: number;
  unreachable: number;
  missing: number;
  pending: number;
}

const FIELD: Record<CallbackOutcome, Exclude<keyof CoverageCounts, 'resolved'>> = {
  ON_TIME: 'onTime',
  LATE: 'late',
  UNREACHABLE: 'unreachable',
  MISSING: 'missing',
  PENDING: 'pending',
};

/** Counts of one bucket; `weight` lets a caller classify pre-grouped rows (n callbacks alike). */
export function coverageOf(callbacks: (CallbackState & { weight?: number })[], now: Date): CoverageCounts {
  const c: CoverageCounts = { resolved: 0, onTime: 0, late: 0, unreachable: 0, missing: 0, pending: 0 };
  for (const cb of callbacks) {
    const n = cb.weight ?? 1;
    c.resolved += n;
    c[FIELD[callbackOutcome(cb, now)]] += n;
  }
  return c;
}

/** Callbacks done (on time or late) among those owed; null when nothing was resolved. */
export const coverageRate = (c: CoverageCounts): number | null => (c.resolved ? (c.onTime + c.late) / c.resolved : null);
