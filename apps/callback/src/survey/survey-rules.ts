import { localDate, nextMonth, startOfLocalDate } from '@pc/calendar';
import { SurveyKind } from './survey.entity';

export const PERIOD: Record<SurveyKind, RegExp> = {
  [SurveyKind.MONTHLY_VISIT]: /^\d{4}-(0[1-9]|1[0-2])$/,
  [SurveyKind.QUARTERLY_QUESTIONNAIRE]: /^\d{4}-Q[1-4]$/,
  [SurveyKind.ANNUAL_SURVEY]: /^\d{4}$/,
};

/** The first month (YYYY-MM) of a period. */
const firstMonth = (kind: SurveyKind, period: string): string => {
  if (kind === SurveyKind.MONTHLY_VISIT) return period;
  if (kind === SurveyKind.QUARTERLY_QUESTIONNAIRE) {
    const [y, q] = period.split('-Q').map(Number);
    return `${y}-${String((q - 1) * 3 + 1).padStart(2, '0')}`;
  }
  return `${period}-01`;
};

/** The period (monthly, quarterly or annual) a local date falls in. */
export function periodOfDate(kind: SurveyKind, date: string): string {
  const [y, m] = date.split('-').map(Number);
  if (kind === SurveyKind.MONTHLY_VISIT) return date.slice(0, 7);
  if (kind === SurveyKind.QUARTERLY_QUESTIONNAIRE) return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
  return String(y);
}

/** The period after a period. */
export function nextPeriod(kind: SurveyKind, period: string): string {
  if (kind === SurveyKind.MONTHLY_VISIT) return nextMonth(period);
  if (kind === SurveyKind.QUARTERLY_QUESTIONNAIRE) {
    const [y, q] = period.split('-Q').map(Number);
    return q === 4 ? `${y + 1}-Q1` : `${y}-Q${q + 1}`;
  }
  return String(Number(period) + 1);
}

/** The first instant of a period in the site's time zone (the 1st of its first month, 00:00). */
export const periodStarts = (kind: SurveyKind, period: string, timeZone: string): Date =>
  startOfLocalDate(`${firstMonth(kind, period)}-01`, timeZone);

/**
 * Rule (issue 31, the schedule): a site's monthly visit campaign opens itself at 00:00 on the 1st of
 * each month, its quarterly questionnaire at the start of each quarter (the site's time zone), and
 * each takes answers until its period ends. Scheduled during a period, the first campaign is the next
 * period's (the current one's 1st has passed).
 */
export function firstScheduledPeriod(kind: SurveyKind, now: Date, timeZone: string): string {
  return nextPeriod(kind, periodOfDate(kind, localDate(now, timeZone).date));
}
