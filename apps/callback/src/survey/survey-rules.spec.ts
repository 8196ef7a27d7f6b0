import { firstScheduledPeriod, nextPeriod, periodOfDate, periodStarts } from './survey-rules';
import { SurveyKind } from './survey.entity';

const { MONTHLY_VISIT: MONTHLY, QUARTERLY_QUESTIONNAIRE: QUARTERLY, ANNUAL_SURVEY: ANNUAL } = SurveyKind;

describe('rule (issue 31): the month’s visit opens on the 1st, the quarter’s questionnaire at the quarter’s start, in the site’s time zone', () => {
  it('periods of a local date, and the next one', () => {
    expect(periodOfDate(MONTHLY, '2026-12-08')).toBe('2026-12');
    expect(periodOfDate(QUARTERLY, '2026-12-08')).toBe('2026-Q4');
    expect(periodOfDate(QUARTERLY, '2027-04-01')).toBe('2027-Q2');
    expect(periodOfDate(ANNUAL, '2026-12-08')).toBe('2026');
    expect(nextPeriod(MONTHLY, '2026-12')).toBe('2027-01');
    expect(nextPeriod(QUARTERLY, '2026-Q4')).toBe('2027-Q1');
    expect(nextPeriod(QUARTERLY, '2027-Q1')).toBe('2027-Q2');
    expect(nextPeriod(ANNUAL, '2026')).toBe('2027');
  });

  it('a period starts at 00:00 on the 1st of its first month, local time', () => {
    expect(periodStarts(MONTHLY, '2027-01', 'Asia/Shanghai').toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(periodStarts(QUARTERLY, '2027-Q2', 'Asia/Shanghai').toISOString()).toBe('2027-03-31T16:00:00.000Z');
    expect(periodStarts(QUARTERLY, '2027-Q2', 'Europe/Berlin').toISOString()).toBe('2027-03-31T22:00:00.000Z');
  });

  it('scheduled during a period, the first campaign is the next period’s; at 23:30 UTC on 31 December it is already January in Shanghai', () => {
    expect(firstScheduledPeriod(MONTHLY, new Date('2026-12-08T02:00:00Z'), 'Asia/Shanghai')).toBe('2027-01');
    expect(firstScheduledPeriod(QUARTERLY, new Date('2026-12-08T02:00:00Z'), 'Asia/Shanghai')).toBe('2027-Q1');
    expect(firstScheduledPeriod(MONTHLY, new Date('2026-12-31T23:30:00Z'), 'Asia/Shanghai')).toBe('2027-02');
  });
});
