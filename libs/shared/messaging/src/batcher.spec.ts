import { MessageBatcher } from './batcher';

/** Pure logic: no bus, no database. */
describe('MessageBatcher (consumer batches, group commit)', () => {
  it('applies what arrives together as one batch, what arrives meanwhile as the next, in order, one batch at a time, at most `size` each', async () => {
    const batches: number[][] = [];
    let running = 0;
    let overlapped = false;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const b = new MessageBatcher<number>(
      3,
      async (batch) => {
        overlapped ||= running > 0;
        running += 1;
        batches.push(batch);
        if (batches.length === 1) await gate; // the first batch is slow: the rest arrive meanwhile
        running -= 1;
      },
      (e) => {
        throw e;
      },
    );
    b.push(1);
    b.push(2);
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    for (const n of [3, 4, 5, 6, 7]) b.push(n);
    expect(b.pending).toBe(5);
    release();
    await b.idle();
    expect(batches).toEqual([
      [1, 2],
      [3, 4, 5],
      [6, 7],
    ]);
    expect(overlapped).toBe(false);
    expect(b.pending).toBe(0);
  });

  it('a lone item is applied on its own, and a failing batch is reported and does not stop the next', async () => {
    const seen: number[][] = [];
    const errors: unknown[] = [];
    const b = new MessageBatcher<number>(
      10,
      (batch) => {
        seen.push(batch);
        return batch.includes(1) ? Promise.reject(new Error('boom')) : Promise.resolve();
      },
      (e) => errors.push(e),
    );
    b.push(1);
    await b.idle();
    b.push(2);
    await b.idle();
    expect(seen).toEqual([[1], [2]]);
    expect(errors).toHaveLength(1);
  });
});
