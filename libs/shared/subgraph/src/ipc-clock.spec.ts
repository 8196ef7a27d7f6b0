import { ipcClock } from './index';

describe('the demo history clock (PC_CLOCK=ipc)', () => {
  it('is off unless asked for: the system clock', () => {
    expect(ipcClock({})).toBeUndefined();
  });

  it('is refused in production and without a parent holding an IPC channel: nothing on the network can move a clock', () => {
    expect(() => ipcClock({ PC_CLOCK: 'ipc', NODE_ENV: 'production' })).toThrow(/never in production/);
    const send = process.send?.bind(process);
    process.send = undefined;
    try {
      expect(() => ipcClock({ PC_CLOCK: 'ipc' })).toThrow(/IPC channel/);
    } finally {
      process.send = send;
    }
  });

  it('starts at PC_CLOCK_START and moves only when the parent says, answering each move', () => {
    const sent: unknown[] = [];
    const send = process.send?.bind(process);
    process.send = ((m: unknown) => (sent.push(m), true)) as typeof process.send;
    const emit = (m: unknown) => {
      for (const l of process.listeners('message')) if (!before.includes(l)) (l as (m: unknown) => void)(m);
    };
    const before = process.listeners('message'); // a jest worker talks to jest over this channel too
    try {
      const clock = ipcClock({ PC_CLOCK: 'ipc', PC_CLOCK_START: '2025-12-01T01:00:00Z' })!;
      expect(clock.now().toISOString()).toBe('2025-12-01T01:00:00.000Z');
      emit({ clock: '2026-01-15T08:30:00.000Z' });
      expect(clock.now().toISOString()).toBe('2026-01-15T08:30:00.000Z');
      emit({ clock: 'not a time' }); // ignored
      expect(clock.now().toISOString()).toBe('2026-01-15T08:30:00.000Z');
      expect(sent).toEqual([{ clockSet: '2026-01-15T08:30:00.000Z' }]);
    } finally {
      process.send = send;
      for (const l of process.listeners('message')) if (!before.includes(l)) process.off('message', l);
    }
  });
});
