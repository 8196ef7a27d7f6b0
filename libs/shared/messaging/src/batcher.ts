/**
 * Collects what is handed over (the messages a JetStream `consume()` delivers, a caller's requests)
 * and applies it in batches: one batch at a time, in arrival order, each of at most `size` items. The
 * items that arrive while a batch is applied form the next one, so a quiet source gives batches of one
 * (no added latency) and a busy one full batches (one transaction for many).
 */
export class MessageBatcher<T> {
  private readonly buffer: T[] = [];
  private draining: Promise<void> | null = null;

  constructor(
    private readonly size: number,
    private readonly apply: (batch: T[]) => Promise<void>,
    private readonly onError: (e: unknown) => void,
  ) {}

  /** Items handed over and not yet taken into a batch. */
  get pending(): number {
    return this.buffer.length;
  }

  push(item: T): void {
    this.buffer.push(item);
    this.kick();
  }

  /** Resolves when every message handed over so far has been applied (for shutdown). */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  /** Starts draining unless a drain is under way; a message that came in as one ended starts the next. */
  private kick(): void {
    if (this.draining) return;
    this.draining = this.drain()
      .catch((e: unknown) => this.onError(e))
      .finally(() => {
        this.draining = null;
        if (this.buffer.length) this.kick();
      });
  }

  private async drain(): Promise<void> {
    // let the messages already on their way join this batch
    await new Promise((r) => setImmediate(r));
    while (this.buffer.length) await this.apply(this.buffer.splice(0, this.size));
  }
}
