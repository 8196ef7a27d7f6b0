/**
 * `npm test`: the static checks (typecheck, lint, format, dependency rules) side by side — two at a
 * time on the machine's cores, each one's output printed whole when it ends — then jest, stopping
 * if a check failed; last the time each stage took (issue 28: the suite's time per stage in CI).
 * Extra arguments go to jest (`npm test -- e2e/notify`).
 */
const { spawn, spawnSync } = require('node:child_process');
const { cpus } = require('node:os');

const checks = [
  ['typecheck', 'npm', ['run', '-s', 'typecheck']],
  ['lint', 'npm', ['run', '-s', 'lint']],
  ['format', 'npm', ['run', '-s', 'format:check']],
  ['dependency rules', 'npm', ['run', '-s', 'deps:check']],
];
const fmt = (s) => `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, '0')}`;

/** Runs a check with its output held, printed in one piece when it ends (no interleaving). */
function run([name, cmd, args]) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => out.push(d));
    child.on('close', (code) => {
      const seconds = (Date.now() - started) / 1000;
      process.stdout.write(`\n── ${name} (${fmt(seconds)}): ${code === 0 ? 'passed' : `FAILED (exit ${code})`}\n${Buffer.concat(out).toString()}`);
      resolve({ name, seconds, ok: code === 0 });
    });
  });
}

/** At most `limit` checks at once, in the order given. */
async function pool(items, limit) {
  const results = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await run(items[i]);
      }
    }),
  );
  return results;
}

async function main() {
  const started = Date.now();
  const results = await pool(checks, Math.max(1, Math.min(2, cpus().length)));
  const staticSeconds = (Date.now() - started) / 1000;
  const failed = results.filter((r) => !r.ok);
  const times = results.map((r) => [r.name, r.seconds]);
  let status = failed.length ? 1 : 0;
  if (failed.length) process.stdout.write(`\nnpm test: ${failed.map((r) => r.name).join(', ')} failed\n`);
  else {
    const jestStarted = Date.now();
    const jest = spawnSync('npx', ['jest', '--ci', '--maxWorkers=2', ...process.argv.slice(2)], { stdio: 'inherit' });
    times.push(['jest', (Date.now() - jestStarted) / 1000]);
    status = jest.status ?? 1;
    if (status !== 0) process.stdout.write('\nnpm test: jest failed\n');
  }
  const total = staticSeconds + (times.find(([n]) => n === 'jest')?.[1] ?? 0);
  process.stdout.write(
    `\nnpm test, time per stage (the checks ran two at a time: ${fmt(staticSeconds)} for all four):\n` +
      `${times.map(([n, s]) => `  ${n.padEnd(18)} ${fmt(s)}`).join('\n')}\n  ${'total'.padEnd(18)} ${fmt(total)}\n`,
  );
  process.exit(status);
}

main().catch((e) => {
  process.stderr.write(`${e?.stack ?? e}\n`);
  process.exit(1);
});
