import { EscalationLevel as L } from '@pc/contracts';
import { ESCALATION_CHAIN, isAbove, nextLevel } from './escalation';

describe('domain.md §3 escalation chain', () => {
  it('passes a case handler → department head → site head → leadership, and leadership stays the top', () => {
    expect(ESCALATION_CHAIN).toEqual([L.HANDLER, L.DEPARTMENT_HEAD, L.SITE_HEAD, L.LEADERSHIP]);
    expect(nextLevel(L.HANDLER)).toBe(L.DEPARTMENT_HEAD);
    expect(nextLevel(L.DEPARTMENT_HEAD)).toBe(L.SITE_HEAD);
    expect(nextLevel(L.SITE_HEAD)).toBe(L.LEADERSHIP);
    expect(nextLevel(L.LEADERSHIP)).toBe(L.LEADERSHIP);
  });

  it('lets a manual escalation name only a higher level', () => {
    expect(isAbove(L.SITE_HEAD, L.HANDLER)).toBe(true);
    expect(isAbove(L.HANDLER, L.HANDLER)).toBe(false);
    expect(isAbove(L.DEPARTMENT_HEAD, L.SITE_HEAD)).toBe(false);
  });
});
