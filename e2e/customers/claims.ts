import { DEMO_USERS } from '@pc/intake';
import { ok } from '../work-order-steps';
import type { CustomersWorld } from './world';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** Claims (索赔档案, domain.md §7), in the customers spec's w.system. */
export function claimRules(w: CustomersWorld): void {
  const token = (sub: string) => w.system.token(DEMO_USERS.find((u) => u.sub === sub)!);
  const gql = (t: string, q: string, v?: Record<string, unknown>) => w.system.graphql(t, q, v);
  const errorOf = (r: { errors?: any[] }) => r.errors?.[0]?.extensions;
  const count = (table: string) => w.count(table);
  describe('domain.md §7 claims (索赔档案)', () => {
    let desk: string;
    let siteHead: string;
    let quality: string;
    beforeAll(() => {
      desk = token('demo-front-desk');
      siteHead = token('demo-site-head');
      quality = token('demo-quality');
    });
    it('takes only issued evidence, is decided once within the amount claimed and paid once', async () => {
      const photo = await w.system.upload(desk, 'demo-site-1', PNG, 'stain.png', 'image/png');
      expect(photo.status).toBe(201);
      const record = (i: Record<string, unknown>) =>
        gql(desk, `mutation($i: RecordClaimInput!) { recordClaim(input: $i) { id evidence amountClaimedYuan } }`, {
          i: { customerId: 'demo-customer-1', description: 'Parquet spoiled by the burst pipe.', amountClaimedYuan: 5000, ...i },
        });
      const before = await count('claim');
      expect(errorOf(await record({ evidence: ['https://evil.example/x.jpg'] }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'attachments',
      });
      expect(errorOf(await record({ amountClaimedYuan: 0 }))).toMatchObject({ code: 'BAD_USER_INPUT' });
      // the site head of demo-site-1 records no claim of a demo-site-2 customer
      const other = await gql(siteHead, `mutation($i: RecordClaimInput!) { recordClaim(input: $i) { id } }`, {
        i: { customerId: 'demo-customer-3', description: 'Lift door hit a child.', amountClaimedYuan: 300 },
      });
      expect(errorOf(other)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'customerId' });
      expect(await count('claim')).toBe(before);
      const claim = await ok(record({ evidence: [photo.json.key] }));
      expect(claim.evidence).toEqual([photo.json.key]);
      // the evidence is readable by whoever may see the claim
      expect(await ok(gql(quality, `query($k: String!) { attachmentUrl(key: $k) }`, { k: photo.json.key }))).toContain('/attachments/file');

      const decide = (t: string, i: Record<string, unknown>) =>
        gql(t, `mutation($i: DecideClaimInput!) { decideClaim(input: $i) { decision amountAwardedYuan decidedBy } }`, {
          i: { claimId: claim.id, reason: 'Half the floor was old.', ...i },
        });
      expect(errorOf(await decide(desk, { decision: 'ACCEPTED' }))?.code).toBe('FORBIDDEN');
      expect(errorOf(await decide(siteHead, { decision: 'PARTLY_ACCEPTED', amountAwardedYuan: 5000 }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'amountAwardedYuan',
      });
      expect(await ok(decide(siteHead, { decision: 'PARTLY_ACCEPTED', amountAwardedYuan: 2500 }))).toEqual({
        decision: 'PARTLY_ACCEPTED',
        amountAwardedYuan: 2500,
        decidedBy: 'demo-site-head',
      });
      expect(errorOf(await decide(siteHead, { decision: 'REJECTED' }))?.code).toBe('CONFLICT');
      const pay = (t: string) =>
        gql(t, `mutation($i: RecordClaimPaidInput!) { recordClaimPaid(input: $i) { paidAt } }`, { i: { claimId: claim.id } });
      expect(errorOf(await pay(desk))?.code).toBe('FORBIDDEN');
      expect((await ok(pay(siteHead))).paidAt).toBeTruthy();
      expect(errorOf(await pay(siteHead))?.code).toBe('CONFLICT');
    });
  });
}
