import { Category, Circumstance, ComplaintStatus, Department, Severity } from '@pc/contracts';
import { addWorkingDays, defaultCalendar, isWorkingDay } from '@pc/calendar';
import { invalidReplyDueAt, isSameUnresolvedMatter, replyDueAt, severityOf } from './classification';
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

describe('domain.md §2 routing configurable per organisation', () => {
  it("uses the organisation's own rule, lead first, instead of the default", () => {
    expect(routeComplaint(Category.NOISE, [], [Department.CLEANING, Department.SECURITY])).toEqual([
      Department.CLEANING,
      Department.SECURITY,
    ]);
  });
  it("adds the case's own co-handlers after the organisation's rule", () => {
    expect(routeComplaint(Category.FEES, [Department.QUALITY, Department.FINANCE], [Department.FINANCE, Department.LEADERSHIP])).toEqual([
      Department.FINANCE,
      Department.LEADERSHIP,
      Department.QUALITY,
    ]);
  });
  it('falls back to the default when the organisation has no rule (or an empty one)', () => {
    expect(routeComplaint(Category.WASTE, [], [])).toEqual([Department.CLEANING]);
    expect(routeComplaint(Category.WASTE, [], null)).toEqual([Department.CLEANING]);
  });
});

describe('domain.md §1 validity: an invalid complaint gets its reasoned reply within 1 working day', () => {
  it('gives a Tuesday complaint until Wednesday, same time', () => {
    expect(invalidReplyDueAt(new Date('2026-11-24T07:00:00Z'), cal)).toEqual(new Date('2026-11-25T07:00:00Z'));
  });
  it('gives a Friday complaint until Monday, skipping the weekend', () => {
    expect(invalidReplyDueAt(new Date('2026-11-20T07:00:00Z'), cal)).toEqual(new Date('2026-11-23T07:00:00Z'));
  });
  it('counts a Saturday make-up working day (调休)', () => {
    expect(invalidReplyDueAt(new Date('2026-11-20T07:00:00Z'), { ...cal, makeUpWorkdays: ['2026-11-21'] })).toEqual(
      new Date('2026-11-21T07:00:00Z'),
    );
  });
});

describe('working days: the mainland China default calendar', () => {
  it.each(['2027-01-01', '2026-05-01', '2026-05-02', '2026-10-01', '2026-10-02', '2026-10-03'])(
    'treats the fixed-date statutory holiday %s as no working day, every year',
    (date) => {
      expect(isWorkingDay(new Date(`${date}T04:00:00Z`), cal)).toBe(false);
    },
  );
  it('works on an ordinary weekday and rests at the weekend, in the site time zone', () => {
    expect(isWorkingDay(new Date('2026-11-23T04:00:00Z'), cal)).toBe(true); // Monday
    // Sunday 23:30 UTC is already Monday 07:30 in Shanghai
    expect(isWorkingDay(new Date('2026-11-22T23:30:00Z'), cal)).toBe(true);
    expect(isWorkingDay(new Date('2026-11-22T04:00:00Z'), cal)).toBe(false);
  });
});

describe('domain.md §2 rule A detected by itself: the same customer, the same unresolved matter', () => {
  const earlier = {
    customerId: 'cust',
    siteId: 'site',
    unitId: 'unit-1',
    areaId: 'area-1',
    category: Category.EQUIPMENT,
    status: ComplaintStatus.OPEN,
  };
  const again = { customerId: 'cust', siteId: 'site', unitId: 'unit-1', areaId: 'area-1', category: Category.EQUIPMENT };
  it('is a repeat when customer, site, unit and category match an open complaint', () => {
    expect(isSameUnresolvedMatter(earlier, again)).toBe(true);
  });
  it.each([
    ['another customer', { customerId: 'other' }],
    ['another unit', { unitId: 'unit-2' }],
    ['another category', { category: Category.FEES }],
    ['another site', { siteId: 'site-2' }],
  ])('is not a repeat for %s', (_n, patch) => {
    expect(isSameUnresolvedMatter(earlier, { ...again, ...patch })).toBe(false);
  });
  it.each([ComplaintStatus.RESOLVED, ComplaintStatus.RESOLVED_AT_INTAKE, ComplaintStatus.REJECTED, ComplaintStatus.CLOSED])(
    'is not a repeat of an earlier complaint that is %s (not unresolved)',
    (status) => {
      expect(isSameUnresolvedMatter({ ...earlier, status }, again)).toBe(false);
    },
  );
  it('matches public-area complaints by area', () => {
    const publicArea = { ...earlier, unitId: null };
    expect(isSameUnresolvedMatter(publicArea, { ...again, unitId: null })).toBe(true);
    expect(isSameUnresolvedMatter(publicArea, { ...again, unitId: null, areaId: 'area-2' })).toBe(false);
    expect(isSameUnresolvedMatter(publicArea, again)).toBe(false);
  });
});
