/**
 * `npm test`: the checks in turn (typecheck, lint, format, dependency rules, jest), stopping at the
 * first that fails, then the time each stage took (issue 28: the suite's time per stage in CI).
 * Extra arguments go to jest (`npm test -- e2e/notify`).
 */
const { spawnSync } = require('node:child_process');

const stages = [
  ['typecheck', 'npm', ['run', '-s', 'typecheck']],
  ['lint', 'npm', ['run', '-s', 'lint']],
  ['format', 'npm', ['run', '-s', 'format:check']],
  ['dependency rules', 'npm', ['run', '-s', 'deps:check']],
  ['jest', 'npx', ['jest', '--ci', '--maxWorkers=2', ...process.argv.slice(2)]],
];
const times = [];
let status = 0;
for (const [name, cmd, args] of stages) {
  const started = Date.now();
  const run = spawnSync(cmd, args, { stdio: 'inherit' });
  times.push([name, (Date.now() - started) / 1000]);
  status = run.status ?? 1;
  if (status !== 0) {
    process.stdout.write(`\nnpm test: ${name} failed\n`);
    break;
  }
}
const total = times.reduce((a, [, s]) => a + s, 0);
const fmt = (s) => `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, '0')}`;
process.stdout.write(
  `\nnpm test, time per stage:\n${times.map(([n, s]) => `  ${n.padEnd(18)} ${fmt(s)}`).join('\n')}\n  ${'total'.padEnd(18)} ${fmt(total)}\n`,
);
process.exit(status);
