import { join } from 'node:path';

/**
 * Node flags that make each named process write a CPU profile when `PC_BENCH_PROFILE_DIR` is set:
 * one folder per process, `<dir>/<under>/<name>` (undefined when the variable is unset). For a
 * benchmark's `nodeArgs`, or `profileArgs([name])?.[name]` for a process it starts itself.
 */
export function profileArgs(names: readonly string[], under = ''): Record<string, string[]> | undefined {
  const dir = process.env.PC_BENCH_PROFILE_DIR;
  if (!dir) return undefined;
  return Object.fromEntries(names.map((n) => [n, ['--cpu-prof', `--cpu-prof-dir=${join(dir, under, n)}`]]));
}
