/** The colour of a clock: green, amber once 75 % of its time is used, red when breached; grey when met or stopped. */
export type ClockColour = 'green' | 'amber' | 'red' | 'met' | 'metLate' | 'cancelled';

export interface ClockLike {
  clock: string;
  dueAt: string;
  metAt?: string | null;
  breachedAt?: string | null;
  cancelledAt?: string | null;
  round?: number;
}

export const AMBER_AT = 0.75;

export interface ClockState {
  colour: ClockColour;
  /** Until due (negative when past due); null when met or stopped. */
  remainingMs: number | null;
  /** Share of the clock's time used (0..∞); null when met or stopped. */
  used: number | null;
}

export function clockState(d: ClockLike, startedAt: string | Date, now: Date): ClockState {
  if (d.cancelledAt) return { colour: 'cancelled', remainingMs: null, used: null };
  const due = new Date(d.dueAt).getTime();
  if (d.metAt) return { colour: new Date(d.metAt).getTime() > due ? 'metLate' : 'met', remainingMs: null, used: null };
  const start = new Date(startedAt).getTime();
  const remainingMs = due - now.getTime();
  const span = Math.max(due - start, 1);
  const used = (now.getTime() - start) / span;
  const colour: ClockColour = d.breachedAt || remainingMs <= 0 ? 'red' : used >= AMBER_AT ? 'amber' : 'green';
  return { colour, remainingMs, used };
}

/**
 * When a work order's clock started: round 1 counts from the complaint's receipt (domain.md §3), a
 * rework round from the end of the round before it, the quality handover from the closing.
 */
export function clockStart(
  d: ClockLike,
  wo: { receivedAt: string; closedAt?: string | null; rounds?: { round: number; endedAt: string }[] },
): string {
  if (d.clock === 'QUALITY_HANDOVER' && wo.closedAt) return wo.closedAt;
  if ((d.round ?? 1) > 1) {
    const before = wo.rounds?.find((r) => r.round === (d.round ?? 1) - 1);
    if (before) return before.endedAt;
  }
  return wo.receivedAt;
}

/** 1d 3h, 2h 05m, 42m, 35s. */
export function formatSpan(ms: number): string {
  const s = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d) return `${d}d ${h}h`;
  if (h) return `${h}h ${String(m).padStart(2, '0')}m`;
  if (m) return `${m}m`;
  return `${s % 60}s`;
}
