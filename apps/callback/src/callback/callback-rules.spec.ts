import { CallbackKind, Severity, coverageOf } from '@pc/contracts';
import { callbackPlan } from './callback-rules';
import { CallbackMethod } from './callback.entity';

const resolvedAt = new Date('2026-11-02T08:00:00Z');

describe('domain.md §4 callback', () => {
  it('is due within 24 hours of resolution', () => {
    expect(callbackPlan({ severity: Severity.MINOR, resolvedAt, takenBy: 'u1' }).dueAt).toEqual(new Date('2026-11-03T08:00:00Z'));
  });
  it('goes back to whoever took a minor complaint, by phone or WeChat', () => {
    expect(callbackPlan({ severity: Severity.MINOR, resolvedAt, takenBy: 'u1', areaManagerId: 'am' })).toMatchObject({
      assignee: 'u1',
      allowedMethods: [CallbackMethod.PHONE, CallbackMethod.WECHAT],
    });
  });
  it('sends the area manager in person for a major complaint', () => {
    expect(callbackPlan({ severity: Severity.MAJOR, resolvedAt, takenBy: 'u1', areaManagerId: 'am' })).toMatchObject({
      assignee: 'am',
      allowedMethods: [CallbackMethod.VISIT],
    });
  });
});

describe('domain.md §4 callback rules for repairs, paid services and coverage', () => {
  const resolvedAt = new Date('2026-11-02T01:00:00Z');
  it('calls back a repair or a paid service like a minor complaint, even when it was serious', () => {
    for (const kind of [CallbackKind.REPAIR, CallbackKind.PAID_SERVICE]) {
      expect(callbackPlan({ kind, severity: Severity.MAJOR, resolvedAt, takenBy: 'desk', areaManagerId: 'am' })).toEqual({
        dueAt: new Date(resolvedAt.getTime() + 24 * 3_600_000),
        assignee: 'desk',
        allowedMethods: [CallbackMethod.PHONE, CallbackMethod.WECHAT],
      });
    }
  });

  it('puts every resolution in exactly one of on time, late, unreachable, missing, pending', () => {
    const now = new Date('2026-11-10T00:00:00Z');
    const due = (h: number) => new Date(now.getTime() + h * 3_600_000);
    const counts = coverageOf(
      [
        { status: 'DONE', dueAt: due(-5), completedAt: due(-6) },
        { status: 'DONE', dueAt: due(-5), completedAt: due(-5) },
        { status: 'DONE', dueAt: due(-5), completedAt: due(-4) },
        { status: 'UNREACHABLE', dueAt: due(-5) },
        { status: 'OPEN', dueAt: due(-1) },
        { status: 'OPEN', dueAt: due(1) },
      ],
      now,
    );
    expect(counts).toEqual({ resolved: 6, onTime: 2, late: 1, unreachable: 1, missing: 1, pending: 1 });
  });
});
