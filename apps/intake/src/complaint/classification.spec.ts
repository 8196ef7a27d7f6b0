import { Category, Circumstance, Department, Severity } from '@pc/contracts';
import { addWorkingDays, defaultCalendar } from '@pc/platform';
import { replyDueAt, severityOf } from './classification';
import { DEFAULT_ROUTING, routeComplaint } from './routing';

const cal = defaultCalendar('Asia/Shanghai');

describe('domain.md §2 severity', () => {
  it('is minor when no circumstance A–C applies', () => {
    expect(severityOf([])).toBe(Severity.MINOR);
  });
  it.each(Object.values(Circumstance))('is major when %s applies', (c) => {
    expect(severityOf([c])).toBe(Severity.MAJOR);
  });
});

describe('domain.md §2 urgency → REPLY deadline', () => {
  const friday10 = new Date('2026-11-20T02:00:00Z'); // Friday 10:00 in Shanghai
  it('gives an urgent complaint 2 hours', () => {
    expect(replyDueAt({ receivedAt: friday10, urgent: true, calendar: cal })).toEqual(new Date('2026-11-20T04:00:00Z'));
  });
  it('gives a non-urgent complaint 2 working days, skipping the weekend', () => {
    expect(replyDueAt({ receivedAt: friday10, urgent: false, calendar: cal })).toEqual(new Date('2026-11-24T02:00:00Z'));
  });
  it('lets a reply time the customer named take precedence', () => {
    const asked = new Date('2026-11-20T03:00:00Z');
    expect(replyDueAt({ receivedAt: friday10, urgent: false, requestedReplyBy: asked, calendar: cal })).toBe(asked);
  });
  it('follows the site calendar: holidays pause and make-up working days count', () => {
    const holidays = { ...cal, holidays: ['2026-11-23'], makeUpWorkdays: ['2026-11-21'] };
    // Friday + 1 working day = Saturday (make-up day); + 2 = Tuesday (Monday is a holiday)
    expect(addWorkingDays(friday10, 1, holidays)).toEqual(new Date('2026-11-21T02:00:00Z'));
    expect(addWorkingDays(friday10, 2, holidays)).toEqual(new Date('2026-11-24T02:00:00Z'));
  });
});

describe('domain.md §2 routing', () => {
  it.each([
    [Category.SERVICE_ATTITUDE, Department.QUALITY],
    [Category.SERVICE_QUALITY, Department.QUALITY],
    [Category.BUILDING, Department.ENGINEERING],
    [Category.FIT_OUT, Department.ENGINEERING],
    [Category.EQUIPMENT, Department.ENGINEERING],
    [Category.FEES, Department.FINANCE],
    [Category.SAFETY, Department.SECURITY],
    [Category.ACCESS, Department.SECURITY],
    [Category.PARKING, Department.SECURITY],
    [Category.NOISE, Department.SECURITY],
    [Category.HYGIENE, Department.CLEANING],
    [Category.WASTE, Department.CLEANING],
    [Category.GREENERY, Department.CLEANING],
    [Category.COMPENSATION, Department.LEADERSHIP],
    [Category.MANAGER_CONDUCT, Department.LEADERSHIP],
  ])('sends %s to %s', (category, department) => {
    expect(DEFAULT_ROUTING[category]).toBe(department);
  });
  it('puts the lead department first and co-handlers after it, once each', () => {
    expect(routeComplaint(Category.EQUIPMENT, [Department.SECURITY, Department.ENGINEERING, Department.SECURITY])).toEqual([
      Department.ENGINEERING,
      Department.SECURITY,
    ]);
  });
});
