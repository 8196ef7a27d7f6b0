import { CauseCategory, Severity, WorkOrderStatus as S } from '@pc/contracts';
import { DomainError } from '@pc/platform';
import { WorkOrderAction as A, canDo, isDone, transition } from './lifecycle';
import { WorkOrder } from './work-order.entity';

describe('domain.md §3 work-order lifecycle', () => {
  it('walks received → planned (head sign-off) → assigned → in progress → resolved → confirmed → closed', () => {
    let s = S.RECEIVED;
    expect(transition(s, A.WRITE_PLAN)).toBe(S.RECEIVED);
    s = transition(s, A.SIGN_OFF_PLAN);
    expect(s).toBe(S.PLANNED);
    s = transition(s, A.ASSIGN);
    expect(s).toBe(S.ASSIGNED);
    s = transition(s, A.RECORD_PROGRESS);
    expect(s).toBe(S.IN_PROGRESS);
    s = transition(s, A.RESOLVE);
    expect(s).toBe(S.RESOLVED);
    s = transition(s, A.CONFIRM);
    expect(s).toBe(S.CONFIRMED);
    expect(transition(s, A.CLOSE)).toBe(S.CLOSED);
  });

  it('reopens a resolved, confirmed or closed work order for rework, and only those', () => {
    for (const s of [S.RESOLVED, S.CONFIRMED, S.CLOSED]) expect(transition(s, A.REOPEN)).toBe(S.REOPENED);
    for (const s of [S.RECEIVED, S.PLANNED, S.ASSIGNED, S.IN_PROGRESS, S.REOPENED]) expect(canDo(s, A.REOPEN)).toBe(false);
    expect(transition(S.REOPENED, A.SIGN_OFF_PLAN)).toBe(S.PLANNED); // rework starts with a new plan
  });

  it('refuses illegal transitions with a CONFLICT that says what must happen first', () => {
    const attempt = (s: S, a: A) => {
      try {
        transition(s, a);
      } catch (e) {
        return e as DomainError;
      }
      throw new Error(`${a} from ${s} was allowed`);
    };
    expect(attempt(S.RECEIVED, A.RESOLVE)).toMatchObject({ code: 'CONFLICT', field: 'workOrderId' });
    expect(attempt(S.RECEIVED, A.RESOLVE).reason).toBe(
      'cannot resolve while the work order is RECEIVED: the handling plan must first be written and signed off by the department head',
    );
    expect(attempt(S.PLANNED, A.RECORD_PROGRESS).reason).toMatch(/a handler must first be assigned/);
    expect(attempt(S.IN_PROGRESS, A.CONFIRM).code).toBe('CONFLICT');
    expect(attempt(S.RESOLVED, A.CLOSE).reason).toMatch(/the customer confirms next/);
    expect(attempt(S.CLOSED, A.ESCALATE).reason).toMatch(/it is closed/);
    expect(attempt(S.RESOLVED, A.EXTEND).code).toBe('CONFLICT');
  });

  it('counts resolved, confirmed and closed as done for the complaint', () => {
    expect(Object.values(S).filter(isDone)).toEqual([S.RESOLVED, S.CONFIRMED, S.CLOSED]);
  });

  it('names a handler: the first assignment makes a planned work order ASSIGNED, naming another later keeps the status', () => {
    expect(transition(S.PLANNED, A.ASSIGN)).toBe(S.ASSIGNED);
    expect(transition(S.ASSIGNED, A.ASSIGN)).toBe(S.ASSIGNED);
    expect(transition(S.IN_PROGRESS, A.ASSIGN)).toBe(S.IN_PROGRESS);
    expect(canDo(S.RECEIVED, A.ASSIGN)).toBe(false);
  });
});

describe('domain.md §3 work-order state changes are entity methods checked against the table', () => {
  const workOrder = (status: S, severity = Severity.MINOR) => Object.assign(new WorkOrder(), { id: 'w', status, severity, round: 1 });
  const at = new Date('2026-11-02T02:00:00Z');

  it('needs a written plan before the head signs it off, and a sign-off before a handler', () => {
    const wo = workOrder(S.RECEIVED);
    expect(() => wo.signOffPlan('head', at)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    expect(() => wo.assignHandler('h', at)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    wo.writePlan('Inspect and repair.', 'staff', at);
    wo.signOffPlan('head', at);
    wo.assignHandler('h', at);
    expect(wo).toMatchObject({ status: S.ASSIGNED, planSignedOffBy: 'head', handlerId: 'h' });
  });

  it('resolves a major complaint only with its corrective-action report', () => {
    const wo = workOrder(S.IN_PROGRESS, Severity.MAJOR);
    const r = { resolution: 'fixed', cause: CauseCategory.EQUIPMENT_FAILURE, causeAnalysis: 'worn', preventiveAction: 'check monthly' };
    expect(() => wo.resolve(r, 'staff', at)).toThrow(expect.objectContaining({ field: 'correctiveActionReport' }));
    wo.resolve({ ...r, correctiveActionReport: 'report' }, 'staff', at);
    expect(wo.status).toBe(S.RESOLVED);
  });

  it('reopens for rework: the next round, and a new plan needed', () => {
    const wo = Object.assign(workOrder(S.CLOSED), { plan: 'old', planSignedOffBy: 'head', resolvedAt: at });
    wo.reopen();
    expect(wo).toMatchObject({ status: S.REOPENED, round: 2, plan: null, planSignedOffBy: null, resolvedAt: null });
  });
});
