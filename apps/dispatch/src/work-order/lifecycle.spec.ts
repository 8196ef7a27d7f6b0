import { WorkOrderStatus as S } from '@pc/contracts';
import { DomainError } from '@pc/platform';
import { WorkOrderAction as A, canDo, isDone, transition } from './lifecycle';

describe('domain.md §3 work-order lifecycle', () => {
  it('walks received → planned (head sign-off) → assigned → in progress → resolved → confirmed → closed', () => {
    let s = S.RECEIVED;
    expect(transition(s, A.WRITE_PLAN)).toBe(S.RECEIVED);
    s = transition(s, A.SIGN_OFF_PLAN);
    expect(s).toBe(S.PLANNED);
    s = transition(s, A.ASSIGN);
    expect(s).toBe(S.PLANNED); // the use case moves PLANNED → ASSIGNED when it names the handler
    s = transition(S.ASSIGNED, A.RECORD_PROGRESS);
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
});
