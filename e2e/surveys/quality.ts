import { DEMO_USERS } from '@pc/intake';
import { eventually } from '@pc/system';
import { handleToResolution, ok } from '../work-order-steps';
import type { SurveysWorld } from './world';

/** The quality department's monthly check (seed 004 §4.5.4), in the survey spec's system. */
export function qualityRules(w: SurveysWorld): void {
  const token = (sub: string) => w.system.token(DEMO_USERS.find((u) => u.sub === sub)!);
  const gql = (t: string, q: string, v?: Record<string, unknown>) => w.system.graphql(t, q, v);
  const errorOf = (r: { errors?: any[] }) => r.errors?.[0]?.extensions;

  describe("issue 31: the quality department's monthly check (seed 004 §4.5.4)", () => {
    it("rule: a sample of the month's handled opinions drawn once and kept; a finding against a complaint sends it back for rework, recorded once", async () => {
      const { system, quality, desk } = w;
      const SITE = 'demo-site-1';
      // a complaint handled by engineering, resolved and called back satisfied: handled, as the records say
      const filed = await ok(
        gql(desk, `mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id } }`, {
          i: {
            siteId: SITE,
            customerId: 'demo-customer-1',
            channel: 'PHONE',
            category: 'EQUIPMENT',
            description: 'The lift stops at floor 7.',
          },
        }),
      );
      const read = async () =>
        await ok(
          gql(desk, `query($id: ID!) { complaint(id: $id) { status workOrders { id status round } callbacks { id status } } }`, {
            id: filed.id,
          }),
        );
      const wo = (await eventually(async () => (await read()).workOrders[0], 20_000, 'the work order')) as { id: string };
      await handleToResolution({ gql, staff: token('demo-department-staff'), head: token('demo-department-head') }, wo.id);
      const cb = await eventually(async () => (await read()).callbacks[0], 20_000, 'the callback');
      await ok(
        gql(desk, `mutation($i: RecordCallbackInput!) { recordCallback(input: $i) { status } }`, {
          i: {
            callbackId: cb.id,
            method: 'PHONE',
            reached: '李伟',
            serviceQuality: 'SATISFIED',
            attitude: 'SATISFIED',
            satisfaction: 'SATISFIED',
          },
        }),
      );
      const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date());
      const draw = (input: Record<string, unknown>, t = quality) =>
        gql(t, `mutation($i: DrawQualityCheckInput!) { drawQualityCheck(input: $i) { id month handled items { id kind caseId refId } } }`, {
          i: { siteId: SITE, month, ...input },
        });
      expect(errorOf(await draw({}, token('demo-site-head')))).toMatchObject({ code: 'FORBIDDEN' });
      const check = await ok(draw({ size: 50 }));
      expect(check.month).toBe(month);
      expect(check.handled).toBeGreaterThanOrEqual(1);
      // every handled opinion of the month is in it (size 50 ≥ handled), the complaint among them; the survey follow-ups done too
      expect(check.items).toHaveLength(check.handled);
      const item = check.items.find((i: { caseId: string }) => i.caseId === filed.id);
      expect(item).toMatchObject({ kind: 'COMPLAINT', refId: cb.id });
      expect(errorOf(await draw({}))).toMatchObject({ code: 'CONFLICT', field: 'month' });
      const next = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 7);
      expect(errorOf(await draw({ month: next }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'month' });

      // the customer says nobody told them: the finding sends the case back to engineering for a second round
      const finding = (t = quality) =>
        gql(
          t,
          `mutation($i: QualityFindingInput!) { recordQualityFinding(input: $i) { handledAsRecorded customerTold checkedBy consequence } }`,
          {
            i: { itemId: item.id, handledAsRecorded: true, customerTold: false, note: '回访记录与住户所述不符' },
          },
        );
      expect(await ok(finding())).toEqual({
        handledAsRecorded: true,
        customerTold: false,
        checkedBy: 'demo-quality',
        consequence: 'REWORK',
      });
      expect(errorOf(await finding())).toMatchObject({ code: 'CONFLICT', field: 'itemId' });
      const reworked = await eventually(
        async () => {
          const c = await read();
          return c.workOrders[0].round === 2 ? c.workOrders[0] : null;
        },
        20_000,
        'the work order back in rework',
      );
      expect(reworked.status).not.toBe('RESOLVED');
      const letters = await system.sql<{ body: string }>('dispatch', `select * from liaison_letter where work_order_id = $1`, [wo.id]);
      expect(JSON.stringify(letters)).toContain('monthly quality check');
      const [listed] = await ok(
        gql(quality, `query($m: String) { qualityChecks(siteId: "demo-site-1", month: $m) { id items { id checkedBy } } }`, { m: month }),
      );
      expect(listed.items.find((i: { id: string }) => i.id === item.id).checkedBy).toBe('demo-quality');
    });
  });
}
