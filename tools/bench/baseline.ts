import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Runtime } from '../process-command';

const ROOT = join(__dirname, '..', '..');
const log = (msg: string) => process.stdout.write(`${msg}\n`);

/**
 * A checkout of another commit, built, for a benchmark's "before" side: both builds then run in the
 * same run on the same machine, taking turns, so that the hour's noise weighs on both alike.
 *
 * The tree of `ref` is unpacked (`git archive`) into `<tmp>/pc-baseline-<sha>`; its `node_modules`
 * is this checkout's when both lockfiles are the same (otherwise `npm ci` there); then its own
 * `npm run build`. Done once per commit: a later run finds it ready. Returns the checkout's root,
 * for `System.start({ root })`. With `runtime` `ts` (a commit from before `npm run build` existed) it is
 * not built: its services run from its sources through its own register hook. Its services run against databases migrated by this checkout's
 * migrations (a newer schema than its own when columns were added since: fine for reads).
 */
export function baselineCheckout(ref: string, runtime: Runtime = 'dist'): string {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  const sha = git('rev-parse', '--verify', `${ref}^{commit}`);
  const dir = join(tmpdir(), `pc-baseline-${sha.slice(0, 12)}`);
  const ready = join(dir, runtime === 'dist' ? '.baseline-built' : '.baseline-installed');
  if (existsSync(ready)) return dir;
  log(`baseline ${ref} (${sha.slice(0, 12)}): unpacking into ${dir}`);
  if (!existsSync(join(dir, 'package.json'))) {
    mkdirSync(dir, { recursive: true });
    execFileSync('sh', ['-c', `git archive ${sha} | tar -x -C '${dir}'`], { cwd: ROOT, stdio: 'inherit' });
  }
  const sameLock = git('rev-parse', `${sha}:package-lock.json`) === git('hash-object', 'package-lock.json');
  if (!existsSync(join(dir, 'node_modules'))) {
    if (sameLock) symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    else {
      log(`baseline ${ref}: its package-lock.json differs from this checkout's: npm ci there`);
      execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
    }
  }
  if (runtime === 'ts') {
    // an older commit without a compiled build: its sources through its own register hook
    writeFileSync(ready, `${sha}\n`);
    return dir;
  }
  log(`baseline ${ref}: npm run build`);
  execFileSync('npm', ['run', '-s', 'build'], { cwd: dir, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false' } });
  writeFileSync(ready, `${sha}\n`);
  return dir;
}

/** A benchmark's other side: another commit's build, ready to run. */
export interface BaselineSide {
  name: string;
  runtime: Runtime;
  root: string;
}

/**
 * The baseline a benchmark was asked for (`--baseline <git ref>` [`--baseline-runtime dist|ts`]),
 * checked out and built; undefined without `--baseline`.
 */
export function baselineFromArgs(argv: readonly string[] = process.argv): BaselineSide | undefined {
  const value = (flag: string) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
  if (!argv.includes('--baseline')) return undefined;
  const ref = value('--baseline');
  if (!ref || ref.startsWith('--')) throw new Error('--baseline takes a git ref (a commit, a tag, a branch)');
  const runtime = value('--baseline-runtime') ?? 'dist';
  if (runtime !== 'dist' && runtime !== 'ts') throw new Error('--baseline-runtime is dist or ts');
  return { name: `baseline ${ref}`, runtime, root: baselineCheckout(ref, runtime) };
}

/** A side's name as a folder name (its CPU profiles go under it). */
export const sideFolder = (name: string): string => name.replace(/[^a-z0-9.-]+/gi, '-');
