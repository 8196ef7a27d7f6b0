import { DEMO_DATASET, DEMO_USERS } from '@pc/intake';
import { System } from './system';
(async () => {
  const system = await System.start();
  try {
    await system.seedRegistry(DEMO_DATASET);
    const fd = system.token(DEMO_USERS[0]);
    const f = await system.graphql(fd, `mutation { fileComplaint(input: { siteId: "demo-site-1", unitId: "demo-site-1-unit-101", customerId: "demo-customer-1", channel: PHONE, category: EQUIPMENT, description: "lift" }) { id } }`);
    console.log(JSON.stringify(f));
    await new Promise((r) => setTimeout(r, 3000));
    const q = await system.graphql(fd, `query C($id: ID!) { complaint(id: $id) { id status workOrders { id department status deadlines { clock dueAt metAt breachedAt } } callbacks { id dueAt satisfaction } } }`, { id: f.data.fileComplaint.id });
    console.log(JSON.stringify(q));
    const d = await system.graphql(fd, `{ _entities(representations: [{__typename: "Complaint", id: "${f.data.fileComplaint.id}"}]) { ... on Complaint { workOrders { id } } } }`, undefined, system.urls.dispatch);
    console.log(JSON.stringify(d));
    console.log(system.output('dispatch').filter((l) => /error|warn/i.test(l)).slice(-5).join('\n'));
  } finally { await system.close(); }
})();
