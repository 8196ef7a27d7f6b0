import type { ComplaintFact, DeadlineFact } from './facts.entity';
import { buildMonthlyReport } from './monthly-report';

const fact = (f: Partial<ComplaintFact>): ComplaintFact => ({ complaintId: 'c', orgId: 'o', siteId: 's', month: '2026-11', ...f });
const deadline = (d: Partial<DeadlineFact>): DeadlineFact => ({
  workOrderId: 'w',
  clock: 'PLAN',
  complaintId: 'c',
  orgId: 'o',
  dueAt: new Date(0),
  ...d,
});

describe('domain.md §5 monthly analysis report', () => {
  const facts = [
    fact({
      complaintId: 'a',
      category: 'EQUIPMENT',
      severity: 'MINOR',
      channel: 'PHONE',
      departments: ['ENGINEERING'],
      resolvedAt: new Date(),
      callbackCompletedAt: new Date(),
      callbackOnTime: true,
      satisfaction: 'SATISFIED',
    }),
    fact({
      complaintId: 'b',
      category: 'EQUIPMENT',
      severity: 'MAJOR',
      channel: 'WECHAT',
      departments: ['ENGINEERING', 'SECURITY'],
      resolvedAt: new Date(),
    }),
    fact({ complaintId: 'c', category: 'FEES', severity: 'MINOR', channel: 'PHONE', departments: ['FINANCE'] }),
  ];
  const deadlines = [
    deadline({ metAt: new Date(1) }),
    deadline({ clock: 'REPLY', metAt: new Date(5), breachedAt: new Date(2) }),
    deadline({ clock: 'FEEDBACK' }),
  ];
  const report = buildMonthlyReport('2026-11', null, facts, deadlines);

  it('counts volumes by category, severity, channel and every routed department', () => {
    expect(report.complaints).toBe(3);
    expect(report.byCategory).toEqual([
      { key: 'EQUIPMENT', count: 2 },
      { key: 'FEES', count: 1 },
    ]);
    expect(report.bySeverity).toEqual([
      { key: 'MINOR', count: 2 },
      { key: 'MAJOR', count: 1 },
    ]);
    expect(report.byDepartment).toEqual([
      { key: 'ENGINEERING', count: 2 },
      { key: 'FINANCE', count: 1 },
      { key: 'SECURITY', count: 1 },
    ]);
  });
  it('measures SLA attainment over decided clocks only', () => {
    expect(report.sla).toEqual({ deadlines: 3, metOnTime: 1, breached: 1, open: 1, attainment: 0.5 });
  });
  it('shows callback coverage with every resolved complaint lacking a callback counted as missing', () => {
    expect(report.callbacks).toEqual({ resolved: 2, completed: 1, onTime: 1, missing: 1, coverage: 0.5 });
    expect(report.satisfaction).toContainEqual({ key: 'SATISFIED', count: 1 });
    expect(report.satisfaction).toHaveLength(4);
  });
  it('counts valid complaints only, with invalid ones and those resolved at intake shown apart (domain.md §1, §5)', () => {
    const r = buildMonthlyReport(
      '2026-11',
      null,
      [
        ...facts,
        fact({ complaintId: 'd', category: 'NOISE', valid: false }),
        fact({ complaintId: 'e', category: 'FEES', valid: true, resolvedAtIntake: true, resolvedAt: new Date() }),
      ],
      [],
    );
    expect(r.complaints).toBe(4);
    expect(r.invalid).toBe(1);
    expect(r.resolvedAtIntake).toBe(1);
    expect(r.byCategory).not.toContainEqual(expect.objectContaining({ key: 'NOISE' }));
    expect(r.callbacks.resolved).toBe(3); // answered on the spot still owes its callback
  });
});
