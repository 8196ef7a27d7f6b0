import { DEMO_USERS } from '@pc/intake';
import { ok } from '../work-order-steps';
import type { RelationshipWorld } from './world';

const HOUR = 3_600_000;

/** The owners' committee (业委会, domain.md §7), in the relationship spec's w.system. */
export function committeeRules(w: RelationshipWorld): void {
  const token = (sub: string) => w.system.token(DEMO_USERS.find((u) => u.sub === sub)!);
  const gql = (t: string, q: string, v?: Record<string, unknown>) => w.system.graphql(t, q, v);
  const errorOf = (r: { errors?: any[] }) => r.errors?.[0]?.extensions;
  const count = (table: string, where?: string) => w.count(table, where);
  const rep = () => token('demo-complaint-rep');
  const desk = () => token('demo-front-desk');
  const MEETING = `id month attendeeIds minutes items { kind id raisedBy answered answeredAt }`;
  const meet = (input: Record<string, unknown>) =>
    gql(rep(), `mutation($i: RecordCommitteeMeetingInput!) { recordCommitteeMeeting(input: $i) { ${MEETING} } }`, {
      i: { siteId: 'demo-site-1', minutes: 'Parking, lifts, the garden.', ...input },
    });

  describe("domain.md §7 the owners' committee", () => {
    it('rule: a member listed on the committee is a key customer (COMMITTEE_MEMBER, set by the list), and leaving takes the tag away', async () => {
      const member = await ok(
        gql(rep(), `mutation($i: SaveCommitteeMemberInput!) { saveCommitteeMember(input: $i) { id position since leftOn } }`, {
          i: { siteId: 'demo-site-1', customerId: 'demo-customer-1', position: 'CHAIR', since: '2025-06-01' },
        }),
      );
      expect(member).toMatchObject({ position: 'CHAIR', since: '2025-06-01', leftOn: null });
      const tagged = async () =>
        (
          await ok(
            gql(
              rep(),
              `{ keyCustomers(siteId: "demo-site-1", first: 10) { edges { node { customer { id } tags { reason taggedBy } } } } }`,
            ),
          )
        ).edges
          .filter((e: any) => e.node.customer.id === 'demo-customer-1')
          .flatMap((e: any) => e.node.tags);
      expect(await tagged()).toContainEqual({ reason: 'COMMITTEE_MEMBER', taggedBy: 'system' });
      // a customer of another site, a date in the future: refused, nothing stored
      const other = await gql(rep(), `mutation($i: SaveCommitteeMemberInput!) { saveCommitteeMember(input: $i) { id } }`, {
        i: { siteId: 'demo-site-1', customerId: 'demo-customer-3', position: 'MEMBER', since: '2025-06-01' },
      });
      expect(errorOf(other)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'customerId' });
      const future = await gql(rep(), `mutation($i: SaveCommitteeMemberInput!) { saveCommitteeMember(input: $i) { id } }`, {
        i: { siteId: 'demo-site-1', customerId: 'demo-customer-2', position: 'MEMBER', since: '2099-01-01' },
      });
      expect(errorOf(future)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'since' });
      expect(await count('committee_member')).toBe(1);
      // demo-customer-2 joins and leaves: the tag the list set goes with them
      const join = (leftOn?: string) =>
        ok(
          gql(rep(), `mutation($i: SaveCommitteeMemberInput!) { saveCommitteeMember(input: $i) { leftOn } }`, {
            i: { siteId: 'demo-site-1', customerId: 'demo-customer-2', position: 'MEMBER', since: '2025-06-01', leftOn },
          }),
        );
      await join();
      expect(await count('key_customer_tag', `customer_id = 'demo-customer-2' and reason = 'COMMITTEE_MEMBER'`)).toBe(1);
      await join('2026-01-31');
      expect(await count('key_customer_tag', `customer_id = 'demo-customer-2' and reason = 'COMMITTEE_MEMBER'`)).toBe(0);
      // the site now has its monthly clock
      expect(await count('committee_clock', `site_id = 'demo-site-1'`)).toBe(1);
    });

    it('rule: a meeting needs a member present; every point raised becomes a case (channel OWNERS_COMMITTEE) tracked until it is answered', async () => {
      const heldAt = new Date(Date.now() - 2 * HOUR).toISOString();
      const empty = await meet({ heldAt, attendeeIds: [] });
      expect(errorOf(empty)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'attendeeIds' });
      // demo-customer-2 left the committee in January: not a member on the day
      const former = await meet({ heldAt, attendeeIds: ['demo-customer-2'] });
      expect(errorOf(former)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'attendeeIds.0' });
      const noCategory = await meet({
        heldAt,
        attendeeIds: ['demo-customer-1'],
        items: [{ kind: 'COMPLAINT', description: 'Lifts stop.' }],
      });
      expect(errorOf(noCategory)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'items.0.category' });
      expect(await count('committee_meeting')).toBe(0);
      expect(await count('complaint', `channel = 'OWNERS_COMMITTEE'`)).toBe(0);

      const meeting = await ok(
        meet({
          heldAt,
          attendeeIds: ['demo-customer-1'],
          staffIds: ['demo-complaint-rep'],
          items: [
            { kind: 'COMPLAINT', category: 'EQUIPMENT', description: 'The lift of building 1 stops between floors.' },
            { kind: 'SUGGESTION', description: 'Plant trees along the east wall.' },
          ],
        }),
      );
      expect(meeting.items.map((i: any) => [i.kind, i.raisedBy, i.answered])).toEqual([
        ['COMPLAINT', 'demo-customer-1', false],
        ['SUGGESTION', 'demo-customer-1', false],
      ]);
      const [complaint, suggestion] = meeting.items;
      expect(await count('complaint', `id = '${complaint.id}' and channel = 'OWNERS_COMMITTEE' and customer_id = 'demo-customer-1'`)).toBe(
        1,
      );
      expect(await count('inquiry', `id = '${suggestion.id}' and channel = 'OWNERS_COMMITTEE'`)).toBe(1);
      // the same meeting again is refused and files nothing more
      expect(errorOf(await meet({ heldAt, attendeeIds: ['demo-customer-1'] }))).toMatchObject({ code: 'CONFLICT', field: 'heldAt' });
      expect(await count('committee_meeting')).toBe(1);

      // the suggestion answered back to the committee: the meeting shows it answered
      await ok(
        gql(desk(), `mutation($i: AnswerInquiryInput!) { answerInquiry(input: $i) { id } }`, {
          i: { inquiryId: suggestion.id, answer: 'Twelve trees in March.', via: 'OWNERS_COMMITTEE' },
        }),
      );
      const [listed] = await ok(gql(rep(), `{ committeeMeetings(siteId: "demo-site-1") { ${MEETING} } }`));
      expect(listed.items.map((i: any) => [i.kind, i.answered])).toEqual([
        ['COMPLAINT', false],
        ['SUGGESTION', true],
      ]);
      expect(listed.items[1].answeredAt).not.toBeNull();
    });
  });
}
