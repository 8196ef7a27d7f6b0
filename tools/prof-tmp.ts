import 'reflect-metadata';
import { DEMO_DATASET, DEMO_USERS } from '@pc/intake';
import { System, eventually } from './system';
import { drive } from './bench/reads';
(async () => {
  const system = await System.start({ runtime: 'dist', nodeArgs: { dispatch: ['--cpu-prof', '--cpu-prof-dir=/tmp/dprof'] } });
  await system.seedRegistry(DEMO_DATASET);
  const user = (sub: string) => DEMO_USERS.find((u) => u.sub === sub)!;
  const desk = system.token(user('demo-front-desk'));
  const head = system.token(user('demo-department-head'));
  for (let i = 0; i < 40; i++)
    await system.graphql(desk, `mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id } }`, {
      i: {
        siteId: 'demo-site-1',
        unitId: 'demo-site-1-unit-101',
        customerId: 'demo-customer-1',
        channel: 'PHONE',
        category: 'EQUIPMENT',
        description: `lift ${i}`,
      },
    });
  await eventually(
    async () => Number((await system.sql<{ n: string }>('dispatch', 'select count(*) as n from work_order'))[0].n) >= 40,
    60_000,
    'wo',
  );
  const Q = JSON.stringify({
    query: `{ workOrders(first: 20) { edges { node { id department status severity receivedAt deadlines { clock dueAt metAt breachedAt } } } } }`,
  });
  const r = await drive(system.urls.dispatch, head, Q, Number(process.argv[2] ?? 25), 4, { dispatch: system.pid('dispatch')! });
  console.log(r.perSecond.toFixed(0), r.cpuPerRequest);
  await system.close();
})();
