import { progressPrinter } from './progress';

describe('progress of long command-line work', () => {
  afterEach(() => jest.useRealTimers());

  it('writes a line to a file or CI log every two seconds even when updates come more often (they used to push the line back for ever)', () => {
    jest.useFakeTimers({ now: 0 });
    const lines: string[] = [];
    const stream = { isTTY: false, write: (s: string) => lines.push(s) } as unknown as NodeJS.WriteStream;
    const printer = progressPrinter(stream);
    for (let done = 1; done <= 20; done++) {
      printer.show({ label: 'history', done, total: 100, rate: 2, etaSeconds: 40, unit: 'days' });
      jest.advanceTimersByTime(500); // an update every half second for ten seconds
    }
    // the first update (a new label), then one every two seconds: at 2.5, 5, 7.5 s (the first update after 2 s have passed)
    expect(lines.map((l) => l.match(/(\d+)\/100/)?.[1])).toEqual(['1', '6', '11', '16']);
    printer.show({ label: 'history', done: 100, total: 100, rate: 2, etaSeconds: 0, unit: 'days' });
    expect(lines.at(-1)).toContain('100%'); // the end of a phase is always written
  });
});
