/**
 * Mainland China's public holidays and make-up working days (调休) as the State Council publishes them,
 * from the `chinese-days` package's data file (one JSON: `holidays`, `workdays`, `inLieuDays`, each
 * keyed by YYYY-MM-DD). Updating the package brings the next year's notice.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a data file of the package, read once
const data = require('chinese-days/dist/chinese-days.json') as { holidays: Record<string, string>; workdays: Record<string, string> };

const years = Object.keys(data.holidays).map((d) => Number(d.slice(0, 4)));

export const nationalSchedule = {
  holidays: new Set(Object.keys(data.holidays)),
  workdays: new Set(Object.keys(data.workdays)),
  firstYear: Math.min(...years),
  lastYear: Math.max(...years),
};
