import { ComplaintResolved, ContractViolationError, envelopeFor, validatePayload } from './index';

describe('event contracts', () => {
  const valid = {
    orgId: 'o',
    siteId: 's',
    complaintId: 'c',
    severity: 'MINOR',
    category: 'FEES',
    resolvedAt: '2026-11-02T08:00:00.000Z',
    resolvedBy: 'u',
    takenBy: 'u',
    atIntake: false,
  };
  it('accepts a payload that matches its version', () => {
    expect(validatePayload(ComplaintResolved, valid)).toMatchObject(valid);
  });
  it('refuses a payload with a missing field, a wrong enum or an unknown field, naming each', () => {
    const { orgId: _o, ...missing } = valid;
    expect(() => validatePayload(ComplaintResolved, missing)).toThrow(/orgId/);
    expect(() => validatePayload(ComplaintResolved, { ...valid, severity: 'HUGE' })).toThrow(/severity/);
    expect(() => validatePayload(ComplaintResolved, { ...valid, extra: 1 })).toThrow(ContractViolationError);
  });
  it('lets a consumer read a payload with a field a newer publisher added, dropping the field, but never a missing or wrong one', () => {
    const read = validatePayload(ComplaintResolved, { ...valid, addedLater: 'x' }, { tolerateUnknown: true });
    expect(read).not.toHaveProperty('addedLater');
    expect(() => validatePayload(ComplaintResolved, { ...valid, severity: 'HUGE', addedLater: 'x' }, { tolerateUnknown: true })).toThrow(
      /severity/,
    );
  });

  it('stamps every envelope with its actor (system unless a user did it) and the channel when given', () => {
    const at = new Date('2026-11-02T08:00:00Z');
    expect(envelopeFor(ComplaintResolved, valid as never, 'e1', at)).toMatchObject({ id: 'e1', orgId: 'o', actor: 'system' });
    const byUser = envelopeFor(ComplaintResolved, valid as never, 'e2', at, { actor: 'u-7', channel: 'WECHAT' });
    expect(byUser).toMatchObject({ actor: 'u-7', channel: 'WECHAT', occurredAt: at.toISOString() });
  });
});
