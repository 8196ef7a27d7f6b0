import { Department, Satisfaction, WorkOrderStatus } from '@pc/contracts';
import { closeRefusal } from './closing-rules';

/** Pure logic: when a complaint may be closed. Mocked: nothing. */
const at = (h: number) => new Date(Date.UTC(2026, 10, 2, h));
const wo = (status: WorkOrderStatus, resolvedHour = 1) => ({ department: Department.ENGINEERING, status, resolvedAt: at(resolvedHour) });
const cb = (satisfaction: Satisfaction, hour: number) => ({ satisfaction, completedAt: at(hour) });

describe('rule "a complaint is closed after the customer confirmed and a callback that was not dissatisfied"', () => {
  it('needs the customer confirmation on every work order', () => {
    expect(
      closeRefusal(
        [wo(WorkOrderStatus.CONFIRMED), { ...wo(WorkOrderStatus.RESOLVED), department: Department.CLEANING }],
        [cb(Satisfaction.SATISFIED, 2)],
      ),
    ).toBe('the customer has not confirmed the resolution of the CLEANING work order (RESOLVED)');
    expect(closeRefusal([], [])).toBe('the complaint has no work orders');
  });

  it('needs a callback after the last resolution, and the newest one not dissatisfied', () => {
    expect(closeRefusal([wo(WorkOrderStatus.CONFIRMED, 5)], [cb(Satisfaction.SATISFIED, 2)])).toBe(
      'the customer has not been called back since the resolution',
    );
    expect(closeRefusal([wo(WorkOrderStatus.CONFIRMED, 5)], [cb(Satisfaction.SATISFIED, 6), cb(Satisfaction.DISSATISFIED, 7)])).toMatch(
      /dissatisfied at the last callback/,
    );
    expect(
      closeRefusal([wo(WorkOrderStatus.CONFIRMED, 5), wo(WorkOrderStatus.CLOSED, 3)], [cb(Satisfaction.BASICALLY_SATISFIED, 6)]),
    ).toBeNull();
  });
});
