import { Severity } from '@pc/contracts';
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
