/**
 * The demo history's plan (issue 28): thirteen months of cases of the two demo sites, drawn from a
 * seeded generator, so that the same seed and the same "now" give the same cases every time. Pure:
 * `tools/demo-history.ts` plays it through the running services; `demo-plan.spec.ts` checks its mix.
 */

export type Level = 'VERY_SATISFIED' | 'SATISFIED' | 'BASICALLY_SATISFIED' | 'DISSATISFIED';

export interface DemoCustomer {
  id: string;
  unitId: string;
  siteId: string;
  name: string;
}

export interface ComplaintPlan {
  kind: 'complaint';
  key: string;
  siteId: string;
  customer: DemoCustomer;
  filedAt: Date;
  channel: string;
  category: string;
  description: string;
  /** Rule B (a serious matter): the complaint is major. */
  major: boolean;
  urgent: boolean;
  /** false: invalid (无理投诉), answered with a reasoned reply. */
  valid: boolean;
  /** Hours from filing to the reasoned reply of an invalid complaint (over 24: the INVALID_REPLY clock breached). */
  invalidReplyAfterH: number;
  /** Answered on the spot at intake (resolved when filed). */
  onTheSpot: boolean;
  /** Hours from filing to the plan, sign-off and assignment (a late one breaches PLAN). */
  planAfterH: number;
  /** The FEEDBACK deadline extended, the customer told (domain.md §3). */
  extension: boolean;
  /** Hours from filing to the resolution (days for the slow ones: breaches and escalations). */
  resolveAfterH: number;
  /** Hours from the resolution to the callback (over 24: the CALLBACK clock breached). */
  callbackAfterH: number;
  /** The callback's levels, round by round: a DISSATISFIED round reopens the case (rework). */
  levels: Level[];
}

export interface ServicePlan {
  kind: 'REPAIR' | 'PAID_SERVICE';
  key: string;
  siteId: string;
  customer: DemoCustomer;
  filedAt: Date;
  category: string;
  department: string;
  description: string;
  priceYuan: number | null;
  respondAfterH: number;
  completeAfterH: number;
  level: Level;
}

export interface SurveyPlan {
  kind: 'survey';
  key: string;
  siteId: string;
  period: string;
  at: Date;
  questions: string[];
  answers: { customerId: string; levels: Level[] }[];
}

export type CasePlan = ComplaintPlan | ServicePlan | SurveyPlan;

/** The households of a registry dataset as the plan draws them (each customer with its unit's site). */
export function planCustomers(d: {
  units: { id: string; siteId: string }[];
  customers: { id: string; name: string; unitId?: string }[];
}): DemoCustomer[] {
  const siteOf = new Map(d.units.map((u) => [u.id, u.siteId]));
  return d.customers.flatMap((c) =>
    c.unitId && siteOf.has(c.unitId) ? [{ id: c.id, unitId: c.unitId, siteId: siteOf.get(c.unitId)!, name: c.name }] : [],
  );
}

/** mulberry32: a small seeded generator (the plan must be reproducible, not secret). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const H = 3_600_000;
/** Asia/Shanghai has no daylight saving: 09:00 there is 01:00 UTC. */
const SHANGHAI_OFFSET_H = 8;

const TOPICS: { category: string; zh: string[]; en: string[] }[] = [
  {
    category: 'EQUIPMENT',
    zh: ['电梯运行中突然停住，门打不开。', '地下车库照明灯坏了好几盏。', '单元门禁刷卡没有反应。'],
    en: ['Lift 2 stops between floors.', 'Corridor lights on our floor are out.', 'The access card reader at the lobby is dead.'],
  },
  {
    category: 'BUILDING',
    zh: ['卫生间天花板渗水。', '外墙瓷砖有松动，怕掉下来。'],
    en: ['Water is dripping from the ceiling of the pantry.', 'A window seal is broken and it leaks when it rains.'],
  },
  {
    category: 'NOISE',
    zh: ['楼上装修晚上十点后还在施工。', '小区广场舞音乐太吵。'],
    en: ['Drilling next door after 22:00.', 'The rooftop chiller is very loud at night.'],
  },
  {
    category: 'PARKING',
    zh: ['车位被外来车辆占用。', '地库出入口道闸经常抬不起来。'],
    en: ['Our reserved bay is taken by visitors again.', 'The car park barrier does not open for our card.'],
  },
  { category: 'ACCESS', zh: ['快递员随意进出单元楼。'], en: ['Couriers walk in without signing at the desk.'] },
  {
    category: 'HYGIENE',
    zh: ['楼道垃圾两天没人清理。', '电梯里有异味。'],
    en: ['Rubbish left in the stairwell for two days.', 'The washroom on floor 9 was not cleaned.'],
  },
  { category: 'WASTE', zh: ['垃圾分类桶满了溢出来。'], en: ['Recycling bins overflow every Monday.'] },
  { category: 'GREENERY', zh: ['绿化带的树枝挡住了窗户。'], en: ['Dead plants in the lobby planters.'] },
  {
    category: 'FEES',
    zh: ['本月物业费重复扣款。', '停车费发票一直没开。'],
    en: ['Service charge billed twice this month.', 'The parking invoice was never issued.'],
  },
];
// no LETTER: a letter's reply waits for leadership's approval, a step the demo does not play
const CHANNELS = ['PHONE', 'PHONE', 'PHONE', 'WECHAT', 'WECHAT', 'VISIT', 'APP', 'EMAIL', 'SUGGESTION_BOX'];
const REPAIRS = [
  { category: 'EQUIPMENT', department: 'ENGINEERING', zh: '厨房水龙头漏水，请上门维修。', en: 'The kitchen tap leaks; please repair.' },
  { category: 'BUILDING', department: 'ENGINEERING', zh: '阳台门关不严。', en: 'The meeting-room door does not close.' },
];
const PAID = [
  {
    category: 'HYGIENE',
    department: 'CLEANING',
    zh: '家庭保洁（三室两厅）。',
    en: 'Deep cleaning of the office after a move.',
    price: 280,
  },
  { category: 'EQUIPMENT', department: 'ENGINEERING', zh: '更换卫生间灯具。', en: 'Install two extra sockets.', price: 120 },
];
const QUESTIONS = {
  zh: ['您对本月的维修服务满意吗？', '您对小区的环境卫生满意吗？', '您对安保巡逻满意吗？'],
  en: ['How satisfied are you with repairs this month?', 'How satisfied are you with cleaning?', 'How satisfied are you with security?'],
};

/** Four levels, drawn with the shares the source documents report (most satisfied, a few not). */
function level(r: number): Level {
  if (r < 0.46) return 'VERY_SATISFIED';
  if (r < 0.78) return 'SATISFIED';
  if (r < 0.91) return 'BASICALLY_SATISFIED';
  return 'DISSATISFIED';
}

/** The first day of the month `months` before `now`'s month, 00:00 in Shanghai. */
export function historyStart(now: Date, months: number): Date {
  const local = new Date(now.getTime() + SHANGHAI_OFFSET_H * H);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - months, 1) - SHANGHAI_OFFSET_H * H);
}

/**
 * Every case of the history from the first day of the month twelve months before `now` (thirteen
 * months with this one) to the day before `now`: per site and day about 0.45 complaints and 0.12
 * repairs or paid services, a monthly visit survey per site; an eighth of the complaints invalid or
 * answered on the spot, one in twelve major, some plans and resolutions late, some extended, the
 * callbacks on four levels with the dissatisfied ones reworked.
 */
export function demoPlan(now: Date, customers: DemoCustomer[], seed = 28, months = 12): CasePlan[] {
  const rnd = seeded(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const start = historyStart(now, months);
  const lastDay = now.getTime() - 24 * H;
  const plans: CasePlan[] = [];
  const sites = [...new Set(customers.map((c) => c.siteId))].sort();
  let n = 0;
  for (let day = start.getTime(); day < lastDay; day += 24 * H) {
    for (const siteId of sites) {
      const zh = siteId === 'demo-site-1';
      const people = customers.filter((c) => c.siteId === siteId);
      const complaints = (rnd() < 0.36 ? 1 : 0) + (rnd() < 0.09 ? 1 : 0);
      for (let i = 0; i < complaints; i++) {
        const topic = pick(TOPICS);
        const valid = rnd() >= 0.06;
        const major = valid && rnd() < 0.08;
        const slow = rnd();
        const levels: Level[] = [level(rnd())];
        if (levels[0] === 'DISSATISFIED') levels.push(rnd() < 0.8 ? 'SATISFIED' : 'BASICALLY_SATISFIED');
        plans.push({
          kind: 'complaint',
          key: `history-${++n}`,
          siteId,
          customer: pick(people),
          filedAt: new Date(day + pick([9, 10, 11, 14, 15, 16]) * H),
          channel: pick(CHANNELS),
          category: topic.category,
          description: pick(zh ? topic.zh : topic.en),
          major,
          urgent: !major && rnd() < 0.1,
          valid,
          invalidReplyAfterH: rnd() < 0.25 ? 30 : 3,
          onTheSpot: valid && !major && rnd() < 0.07,
          planAfterH: slow < 0.1 ? 30 : 1,
          extension: !major && rnd() < 0.06,
          resolveAfterH: slow > 0.9 ? pick([8, 11, 13]) * 24 : pick([1, 2, 3]) * 24,
          callbackAfterH: rnd() < 0.08 ? 30 : pick([2, 4, 20]),
          levels,
        });
      }
      if (rnd() < 0.12) {
        const paid = rnd() < 0.4;
        const w = paid ? pick(PAID) : pick(REPAIRS);
        plans.push({
          kind: paid ? 'PAID_SERVICE' : 'REPAIR',
          key: `history-${++n}`,
          siteId,
          customer: pick(people),
          filedAt: new Date(day + pick([9, 10, 14]) * H),
          category: w.category,
          department: w.department,
          description: zh ? w.zh : w.en,
          priceYuan: 'price' in w ? (w.price as number) : null,
          respondAfterH: rnd() < 0.1 ? 6 : 1,
          completeAfterH: 24,
          level: level(rnd()),
        });
      }
      // the month's visit survey on the 20th (Shanghai), four households asked
      const local = new Date(day + SHANGHAI_OFFSET_H * H);
      if (local.getUTCDate() === 20) {
        const period = local.toISOString().slice(0, 7);
        plans.push({
          kind: 'survey',
          key: `history-survey-${siteId}-${period}`,
          siteId,
          period,
          at: new Date(day + 11 * H),
          questions: zh ? QUESTIONS.zh : QUESTIONS.en,
          answers: [...people]
            .sort(() => rnd() - 0.5)
            .slice(0, 4)
            .map((c) => ({ customerId: c.id, levels: QUESTIONS.en.map(() => level(rnd())) })),
        });
      }
    }
  }
  return plans;
}
