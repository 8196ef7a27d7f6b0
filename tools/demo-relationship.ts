import { demoCaller } from './demo-customers';

const SITE = 'demo-site-1';
const MEMBERS = [
  { customerId: 'demo-customer-1', position: 'CHAIR', since: '2024-05-01' },
  { customerId: 'demo-customer-1-2-201', position: 'VICE_CHAIR', since: '2024-05-01' },
  { customerId: 'demo-customer-1-3-201', position: 'MEMBER', since: '2025-03-01' },
];

/** YYYY-MM of an instant in Shanghai, and the month before. */
const months = (now: Date) => {
  const local = new Date(now.getTime() + 8 * 3_600_000);
  const month = local.toISOString().slice(0, 7);
  local.setUTCDate(1);
  local.setUTCMonth(local.getUTCMonth() - 1);
  return { month, previous: local.toISOString().slice(0, 7) };
};

/**
 * The demo's relationship with demo-site-1's customers (domain.md §7, issue 30): an owners' committee
 * of three (each thereby a key customer), last month's meeting with two points raised, the year's
 * relationship plan, and a notice on the residents' pages. Idempotent: members are the same records
 * when saved again; the meeting, the plan's activities and the notice are recorded only when missing.
 */
export async function recordDemoRelationship(
  gateway: string,
  secret: string,
): Promise<{ members: number; meetings: number; notices: number }> {
  const { token, call } = demoCaller(gateway, secret, 'demo relationship');
  const rep = token('demo-complaint-rep');
  const { month, previous } = months(new Date());
  for (const m of MEMBERS) {
    await call(rep, 'mutation M($i: SaveCommitteeMemberInput!) { saveCommitteeMember(input: $i) { id } }', { i: { siteId: SITE, ...m } });
  }
  const { committeeMeetings } = await call(rep, 'query Q($s: ID!) { committeeMeetings(siteId: $s) { month } }', { s: SITE });
  let meetings = 0;
  if (!committeeMeetings.some((m: { month: string }) => m.month === previous)) {
    await call(rep, 'mutation R($i: RecordCommitteeMeetingInput!) { recordCommitteeMeeting(input: $i) { id } }', {
      i: {
        siteId: SITE,
        heldAt: `${previous}-15T06:30:00.000Z`,
        attendeeIds: MEMBERS.map((m) => m.customerId),
        staffIds: ['demo-complaint-rep', 'demo-site-head'],
        minutes: '通报上月投诉处理情况；讨论地下车库照明与绿化补种；下月召开业主大会筹备会。',
        items: [
          {
            kind: 'COMPLAINT',
            category: 'EQUIPMENT',
            description: '地下车库B区照明不足，夜间存在安全隐患。',
            raisedBy: 'demo-customer-1-2-201',
          },
          { kind: 'SUGGESTION', description: '建议在东侧围墙补种乔木，改善景观。', raisedBy: 'demo-customer-1' },
        ],
      },
    });
    meetings = 1;
  }
  const year = Number(month.slice(0, 4));
  const { relationshipPlans } = await call(rep, 'query P($s: ID!, $y: Int!) { relationshipPlans(siteId: $s, year: $y) { period } }', {
    s: SITE,
    y: year,
  });
  if (!relationshipPlans.some((p: { period: string }) => p.period === String(year))) {
    await call(rep, 'mutation S($i: SaveRelationshipPlanInput!) { saveRelationshipPlan(input: $i) { id } }', {
      i: {
        siteId: SITE,
        period: String(year),
        goals: ['业主满意率不低于90%', '重点客户每季度上门走访一次', '每月召开业委会沟通会'],
        budgetYuan: 60000,
        activities: [
          {
            title: '春季社区义诊',
            kind: 'EVENT',
            plannedOn: `${year}-04-12`,
            budgetYuan: 8000,
            done: true,
            spentYuan: 7200,
            signedUp: 120,
            attended: 96,
          },
          { title: '重点客户上门走访', kind: 'VISIT', plannedOn: `${year}-06-30`, budgetYuan: 2000, done: true, spentYuan: 1500 },
          {
            title: '中秋游园会',
            kind: 'EVENT',
            plannedOn: `${year}-09-20`,
            budgetYuan: 15000,
            done: true,
            spentYuan: 16300,
            signedUp: 300,
            attended: 260,
          },
          { title: '新春联欢会', kind: 'EVENT', plannedOn: `${year}-12-28`, budgetYuan: 20000 },
        ],
      },
    });
  }
  const { notices } = await call(rep, 'query N($s: ID!) { notices(siteId: $s, first: 5) { edges { node { title } } } }', { s: SITE });
  let published = 0;
  if (!notices.edges.length) {
    await call(rep, 'mutation P($i: PublishNoticeInput!) { publishNotice(input: $i) { id } }', {
      i: {
        siteId: SITE,
        audience: { buildings: ['1号楼', '2号楼'] },
        kind: 'OUTAGE',
        title: '1、2号楼计划停水通知',
        body: '因二次供水设备检修，本周六9:00–12:00，1、2号楼暂停供水，请提前储水。给您带来不便，敬请谅解。',
      },
    });
    published = 1;
  }
  return { members: MEMBERS.length, meetings, notices: published };
}
