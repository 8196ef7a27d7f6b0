import { CustomerKind, DEMO_DATASET, DEMO_HISTORY_DATASET, DEMO_USERS } from '@pc/intake';
import { signToken } from '@pc/platform';

/**
 * The demo's customer files (domain.md §7, issue 30): every demo household's unit held since a
 * move-in date, two key customers with their reasons and one claim, decided. Idempotent: a unit held
 * and a tag are the same records when recorded again, and the claim is recorded only when the
 * customer has none.
 */
/** GraphQL at the gateway as a demo user (a 10-minute token): what the demo recorders call. */
export function demoCaller(gateway: string, secret: string, what: string) {
  const token = (sub: string) =>
    signToken(
      DEMO_USERS.find((u) => u.sub === sub)!,
      secret,
      '10m',
    );
  const call = async (t: string, query: string, variables: Record<string, unknown>) => {
    const res = await fetch(gateway, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: Record<string, any>; errors?: unknown[] };
    if (body.errors) throw new Error(`${what}: ${JSON.stringify(body.errors)}`);
    return body.data!;
  };
  return { token, call };
}

export async function recordDemoCustomers(gateway: string, secret: string): Promise<{ holdings: number; tags: number; claims: number }> {
  const { token, call } = demoCaller(gateway, secret, 'demo customers');
  const rep = token('demo-complaint-rep');
  const households = [...DEMO_DATASET.customers, ...DEMO_HISTORY_DATASET.customers].filter((c) => c.unitId);
  for (const [i, c] of households.entries()) {
    const movedInOn = `${2016 + (i % 8)}-${String(((i * 5) % 12) + 1).padStart(2, '0')}-${String(((i * 7) % 28) + 1).padStart(2, '0')}`;
    await call(rep, 'mutation H($i: RecordUnitHoldingInput!) { recordUnitHolding(input: $i) { id } }', {
      i: { customerId: c.id, unitId: c.unitId, role: c.kind === CustomerKind.TENANT ? 'TENANT' : 'OWNER', movedInOn },
    });
  }
  const tags = [
    { customerId: 'demo-customer-1', reason: 'IMPORTANT_OWNER', note: '业主代表，多次参与小区公共事务协调。' },
    { customerId: 'demo-customer-2', reason: 'LONG_UNPAID', note: '物业费自今年六月起未缴。' },
  ];
  for (const i of tags) await call(rep, 'mutation T($i: TagKeyCustomerInput!) { tagKeyCustomer(input: $i) { reason } }', { i });
  const { claims } = await call(rep, 'query C($c: ID) { claims(customerId: $c) { id } }', { c: 'demo-customer-1' });
  if (!claims.length) {
    const { recordClaim } = await call(rep, 'mutation R($i: RecordClaimInput!) { recordClaim(input: $i) { id } }', {
      i: { customerId: 'demo-customer-1', description: '电梯困人导致误工半天，要求赔偿误工费。', amountClaimedYuan: 2000 },
    });
    await call(token('demo-site-head'), 'mutation D($i: DecideClaimInput!) { decideClaim(input: $i) { id } }', {
      i: { claimId: recordClaim.id, decision: 'PARTLY_ACCEPTED', amountAwardedYuan: 800, reason: '按当日实际误工时间核定。' },
    });
  }
  return { holdings: households.length, tags: tags.length, claims: claims.length ? 0 : 1 };
}
