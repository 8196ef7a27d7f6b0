import { ComplaintStatus as S } from '@pc/contracts';
import { ComplaintAction as A, canDoToComplaint, complaintTransition } from './complaint-lifecycle';

describe('domain.md §1–§4 complaint statuses', () => {
  it('resolves an open complaint, and reopens a resolved one when the customer is dissatisfied', () => {
    expect(complaintTransition(S.OPEN, A.RESOLVE, 'c')).toBe(S.RESOLVED);
    expect(complaintTransition(S.RESOLVED, A.REOPEN, 'c')).toBe(S.OPEN);
  });

  it('closes an invalid complaint only with its reasoned reply', () => {
    expect(complaintTransition(S.REJECTED, A.REPLY_TO_INVALID, 'c')).toBe(S.CLOSED);
    for (const s of [S.OPEN, S.RESOLVED, S.RESOLVED_AT_INTAKE, S.CLOSED]) expect(canDoToComplaint(s, A.REPLY_TO_INVALID)).toBe(false);
    expect(() => complaintTransition(S.OPEN, A.REPLY_TO_INVALID, 'c')).toThrow(
      expect.objectContaining({ code: 'CONFLICT', field: 'complaintId' }),
    );
  });

  it('rule "a valid complaint is closed by the site head": only a resolved one closes; the quality department can open it again', () => {
    expect(complaintTransition(S.RESOLVED, A.CLOSE, 'c')).toBe(S.CLOSED);
    for (const s of [S.OPEN, S.REJECTED, S.CLOSED, S.RESOLVED_AT_INTAKE]) expect(canDoToComplaint(s, A.CLOSE)).toBe(false);
    expect(complaintTransition(S.CLOSED, A.REOPEN, 'c')).toBe(S.OPEN);
  });

  it('raises severity (rule D) only while the complaint is open', () => {
    expect(complaintTransition(S.OPEN, A.UPGRADE_SEVERITY, 'c')).toBe(S.OPEN);
    for (const s of [S.RESOLVED, S.REJECTED, S.CLOSED, S.RESOLVED_AT_INTAKE]) expect(canDoToComplaint(s, A.UPGRADE_SEVERITY)).toBe(false);
  });
});
