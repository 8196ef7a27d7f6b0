import { busyPorts, wantedPorts } from './ports';

/**
 * `npm start` (see tools/supervisor.ts for what it starts and how it supervises). First, before any of
 * the system's code is loaded, every port it wants is checked: another program (or another copy of
 * this system) on one is a clear stop, one line per port, exit 1 in about a second.
 */
void (async () => {
  const { host, ports } = wantedPorts(process.env);
  const busy = await busyPorts(host, ports);
  if (busy.length) {
    for (const line of busy) process.stdout.write(`${line}\n`);
    process.exit(1);
  }
  await import('./supervisor');
})();
