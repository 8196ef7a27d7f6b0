import { DEMO_USERS } from '@pc/intake';
import { ok } from '../work-order-steps';
import type { CustomersWorld } from './world';

/** Visits (走访/回访, domain.md §7), in the customers spec's w.system. */
export function visitRules(w: CustomersWorld): void {
  const token = (sub: string) => w.system.token(DEMO_USERS.find((u) => u.sub === sub)!);
  const gql = (t: string, q: string, v?: Record<string, unknown>) => w.system.graphql(t, q, v);
  const errorOf = (r: { errors?: any[] }) => r.errors?.[0]?.extensions;
  describe('domain.md §7 visits (走访/回访)', () => {
    let desk: string;
    beforeAll(() => {
      desk = token('demo-front-desk');
    });
    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7); // this month in Shanghai
    const plan = (t: string, randomCount = 2) =>
      gql(t, `mutation($i: PlanVisitsInput!) { planVisits(input: $i) { id customerId kind status } }`, {
        i: { siteId: 'demo-site-1', month, randomCount },
      });

    it('plans key customers door to door and random phone visits drawn the same way again; what a visit raises becomes a linked complaint; a visit is recorded once', async () => {
      const rep = token('demo-complaint-rep');
      expect(errorOf(await plan(desk))?.code).toBe('FORBIDDEN');
      await ok(
        gql(rep, `mutation($i: TagKeyCustomerInput!) { tagKeyCustomer(input: $i) { reason } }`, {
          i: { customerId: 'demo-customer-2', reason: 'IMPORTANT_OWNER' },
        }),
      );
      const planned = await ok(plan(rep));
      // a key customer: a door-to-door visit
      expect(planned).toContainEqual(expect.objectContaining({ customerId: 'demo-customer-2', kind: 'KEY_CUSTOMER', status: 'PLANNED' }));
      const random = planned.filter((v: { kind: string }) => v.kind === 'RANDOM_PHONE');
      // at most the two asked for, drawn from the site's customers that have no visit this month yet
      expect(random.length).toBeGreaterThanOrEqual(1);
      expect(random.length).toBeLessThanOrEqual(2);
      expect(random.map((v: { customerId: string }) => v.customerId)).not.toContain('demo-customer-2');
      // planning again adds nothing and draws the same customers
      const again = await ok(plan(rep));
      expect(again.map((v: { id: string }) => v.id).sort()).toEqual(planned.map((v: { id: string }) => v.id).sort());
      const visit = planned.find(
        (v: { kind: string; customerId: string }) => v.kind === 'KEY_CUSTOMER' && v.customerId === 'demo-customer-2',
      );
      const record = (i: Record<string, unknown>) =>
        gql(rep, `mutation($i: RecordVisitInput!) { recordVisit(input: $i) { status view satisfaction raised { kind id } } }`, {
          i: { visitId: visit.id, view: 'Happy with the cleaning; the car park lights worry her.', satisfaction: 'SATISFIED', ...i },
        });
      expect(errorOf(await record({ raised: [{ kind: 'COMPLAINT', description: 'no category' }] }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'raised.0.category',
      });
      const done = await ok(
        record({
          raised: [
            { kind: 'COMPLAINT', category: 'EQUIPMENT', description: 'Car park lights out on B2.' },
            { kind: 'SUGGESTION', description: 'A bench by the playground.' },
          ],
        }),
      );
      expect(done.status).toBe('DONE');
      expect(done.raised.map((r: { kind: string }) => r.kind)).toEqual(['COMPLAINT', 'SUGGESTION']);
      const complaint = await ok(
        gql(desk, `query($id: ID!) { complaint(id: $id) { customerId channel category } }`, { id: done.raised[0].id }),
      );
      expect(complaint).toEqual({ customerId: 'demo-customer-2', channel: 'VISIT', category: 'EQUIPMENT' });
      expect(errorOf(await record({}))?.code).toBe('CONFLICT');
      // the file lists the visit; a customer visited now is not drawn for a random visit of the next 90 days
      const f = await ok(gql(desk, `query($c: ID!) { customerFile(customerId: $c) { visits { id status } } }`, { c: 'demo-customer-2' }));
      expect(f.visits).toContainEqual({ id: visit.id, status: 'DONE' });
      const visits = await ok(
        gql(desk, `query($s: ID!, $m: String) { visits(siteId: $s, month: $m) { edges { node { id } } } }`, { s: 'demo-site-1', m: month }),
      );
      expect(visits.edges).toHaveLength(planned.length);
    });
  });
}
