import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

/**
 * How a service process runs: `dist` is the compiled JavaScript of `npm run build` (what production
 * runs: no transpiler at run time, source maps for stack traces); `ts` runs the TypeScript sources
 * through SWC's register hook (development). `PC_RUNTIME` chooses; the default is `ts`.
 */
export type Runtime = 'ts' | 'dist';

export const runtimeFrom = (env: NodeJS.ProcessEnv = process.env): Runtime => (env.PC_RUNTIME === 'dist' ? 'dist' : 'ts');

/**
 * node arguments that start one service (`gateway` or a subgraph) in the given runtime, from this
 * checkout or from another one (`root`: a benchmark's baseline build).
 */
export function serviceArgs(name: string, runtime: Runtime, root = ROOT): string[] {
  if (runtime === 'ts') return ['-r', join(root, 'tools/register.js'), join(root, `apps/${name}/src/main.ts`)];
  const main = join(root, `dist/apps/${name}/src/main.js`);
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first (PC_RUNTIME=dist runs the compiled build)`);
  return ['--enable-source-maps', '-r', join(root, 'tools/dist-paths.js'), main];
}
