import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

/** The newest modification time under a path. */
function newest(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((f) => newest(join(path, f))));
}

/**
 * Builds the web console (Vite, into dist/apps/console) when its build is missing or older than its
 * sources; `npm start` and the browser test call it, so neither serves a stale console.
 */
export function ensureConsoleBuilt(say: (line: string) => void = () => undefined): void {
  const built = join(ROOT, 'dist/apps/console/index.html');
  if (existsSync(built) && statSync(built).mtimeMs >= newest(join(ROOT, 'apps/console'))) return;
  say('Building the web console (npm run console:build) ...');
  // always React's production build: under jest (NODE_ENV=test) or a development shell Vite would bundle React's development build (twice the bytes)
  const result = spawnSync('npm', ['run', '-s', 'console:build'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error('npm run console:build failed');
}
