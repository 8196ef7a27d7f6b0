import { minuteOf } from '../duty/duty-rules';

/** Attempts at one delivery before it is PARKED (visible to ADMIN, with a resend). */
export const MAX_ATTEMPTS = 6;
const BASE_MS = 5_000;
const CAP_MS = 10 * 60_000;

/**
 * Rule: a failed delivery is retried after an exponential backoff with full jitter (5 s, 10 s,
 * 20 s ... capped at 10 minutes), so that a channel that is down is not hammered by every replica at
 * once; after MAX_ATTEMPTS it is parked. `random` is injected for tests.
 */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Rule: quiet hours hold a non-urgent message to an outside channel until they end (the console
 * shows it at once); answers when it may go, `at` itself when it is not quiet. Quiet hours may run
 * past midnight (22:00–07:00). `minuteNow` is the recipient's local minute of the day.
 */
export function releaseAfterQuietHours(at: Date, minuteNow: number, quietStart?: string | null, quietEnd?: string | null): Date {
  if (!quietStart || !quietEnd) return at;
  const from = minuteOf(quietStart);
  const to = minuteOf(quietEnd, true);
  if (from === undefined || to === undefined || from === to) return at;
  const quiet = from < to ? minuteNow >= from && minuteNow < to : minuteNow >= from || minuteNow < to;
  if (!quiet) return at;
  const wait = (to - minuteNow + 24 * 60) % (24 * 60);
  return new Date(at.getTime() + wait * 60_000);
}

/**
 * Rule: a group robot throttles at about 20 messages a minute; more due at once are merged into one
 * digest per robot (and per recipient and channel for people), at most `perMinute` posts a minute.
 * Answers how many posts may go now given those sent in the last minute.
 */
export function postsAllowed(sentLastMinute: number, perMinute = 20): number {
  return Math.max(0, perMinute - sentLastMinute);
}
