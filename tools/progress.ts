/** A progress line for long command-line work: a bar, done/total, the rate and the time left. */
export interface Progress {
  label: string;
  done: number;
  total: number;
  /** Per second so far. */
  rate: number;
  etaSeconds: number | null;
  unit: string;
}

const WIDTH = 30;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const duration = (s: number | null) =>
  s === null ? '?' : s >= 90 ? `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s` : `${Math.round(s)}s`;

export function progressLine(p: Progress): string {
  const share = p.total ? Math.min(1, p.done / p.total) : 1;
  const filled = Math.round(share * WIDTH);
  return `${p.label.padEnd(9)} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${String(Math.round(share * 100)).padStart(3)}%  ${fmt(p.done)}/${fmt(p.total)} ${p.unit}  ${fmt(p.rate)}/s  ETA ${duration(p.etaSeconds)}`;
}

/**
 * Prints progress on stderr: redrawn in place on a terminal, a line every two seconds (and at the end
 * of each phase) when the output is a file or a CI log.
 */
export function progressPrinter(stream: NodeJS.WriteStream = process.stderr): { show(p: Progress): void; end(): void } {
  const tty = stream.isTTY;
  let lastLabel = '';
  let lastPrint = 0;
  return {
    show(p) {
      const now = Date.now();
      const finished = p.done >= p.total;
      if (p.label !== lastLabel && lastLabel && tty) stream.write('\n');
      if (tty) stream.write(`\r${progressLine(p)}`);
      else if (finished || now - lastPrint > 2000 || p.label !== lastLabel) {
        stream.write(`${progressLine(p)}\n`);
        lastPrint = now; // two seconds since the last line written, not since the last update
      }
      lastLabel = p.label;
    },
    end() {
      if (tty && lastLabel) stream.write('\n');
    },
  };
}
