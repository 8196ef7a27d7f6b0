import 'reflect-metadata';
import { DEMO_DATASET, DEMO_USERS } from '@pc/intake';
import { System, eventually } from '../system';
import { drive } from './reads';

async function main() {
  const system = await System.start({ runtime: 'dist' as never, nodeArgs: process.env.PROF ? { dispatch: ['--cpu-prof', `--cpu-prof-dir=${process.env.PROF}`] } : undefined });
  try {
    await system.seedRegistry(DEMO_DATASET);
    const user = (sub: string) => DEMO_USERS.find((u) => u.sub === sub)!;
    const desk = system.token(user('demo-front-desk'));
    const head = system.token(user('demo-department-head'));
    for (let i = 0; i < 100; i++) {
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
    }
    await eventually(
      async () => Number((await system.sql<{ n: string }>('dispatch', 'select count(*) as n from work_order'))[0].n) >= 100,
      60_000,
      'wo',
    );
    const variants: Record<string, string> = {
      typename: `{ __typename }`,
      queueIds: `{ workOrders(first: 20) { edges { node { id } } } }`,
      queueFields: `{ workOrders(first: 20) { edges { node { id department status severity receivedAt } } pageInfo { hasNextPage endCursor } } }`,
      queueFull: `{ workOrders(first: 20) { edges { node { id department status severity receivedAt deadlines { clock dueAt metAt breachedAt } } } pageInfo { hasNextPage endCursor } } }`,
    };
    for (const [name, query] of Object.entries(variants).filter(([n]) => !process.env.ONLY || n === process.env.ONLY)) {
      const r = await drive(system.urls.dispatch, head, JSON.stringify({ query }), Number(process.env.SECS ?? 6), 4, { dispatch: system.pid('dispatch')! });
      process.stdout.write(`${name}: ${r.perSecond.toFixed(0)}/s cpu ${r.cpuPerRequest.dispatch.toFixed(2)} ms errors ${r.errors}\n`);
    }
  } finally {
    await system.close();
  }
}
void main();
