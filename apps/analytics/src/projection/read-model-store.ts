import type { Knex } from '@mikro-orm/knex';
import { DEFAULT_TIME_ZONE } from '@pc/calendar';
import { caseKeyOf, emptyRows, foldCase, workOrderIdOf, type CaseRows, type StoredEvent } from './case-fold';

/** An event as it came off the bus, validated, before it is stored. */
export interface IncomingEvent extends StoredEvent {
  version: number;
  siteId: string;
}

/** One site's month: the unit the pre-aggregated report rows are refreshed by. */
export interface SiteMonth {
  orgId: string;
  month: string;
  siteId: string;
}

/** A knex of PostgreSQL (MikroORM's dialect class names itself `postgresql`), not SQLite. */
export const isPostgresKnex = (db: Knex | Knex.Transaction): boolean => (db.client as { dialect?: string }).dialect === 'postgresql';

const snake = (s: string): string => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const columns = (row: object): Record<string, unknown> => Object.fromEntries(Object.entries(row).map(([k, v]) => [snake(k), v]));

/** Rows per INSERT: both dialects bind well under their variable limits. */
const chunkFor = (row: object | undefined): number => (row ? Math.max(1, Math.floor(20_000 / Object.keys(row).length)) : 1);
const IDS_PER_QUERY = 500;

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

const keyOf = (k: SiteMonth): string => `${k.orgId}|${k.month}|${k.siteId}`;

/** A set of site-months, deduplicated. */
export class SiteMonths {
  private readonly map = new Map<string, SiteMonth>();
  add(k: SiteMonth): void {
    if (k.month) this.map.set(keyOf(k), { orgId: k.orgId, month: k.month, siteId: k.siteId });
  }
  addAll(list: Iterable<SiteMonth>): void {
    for (const k of list) this.add(k);
  }
  get size(): number {
    return this.map.size;
  }
  values(): SiteMonth[] {
    return [...this.map.values()].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
  }
}

/** Tables a case's rows live in, with the column that names the case. */
const CASE_TABLES: [Exclude<keyof CaseRows, 'purged'>, string, string, (caseKey: string) => string | null][] = [
  ['complaints', 'complaint_fact', 'complaint_id', plain],
  ['departments', 'complaint_department_fact', 'complaint_id', plain],
  ['workOrders', 'work_order_fact', 'complaint_id', plain],
  ['deadlines', 'deadline_fact', 'complaint_id', plain],
  ['escalations', 'escalation_fact', 'complaint_id', plain],
  ['callbacks', 'callback_fact', 'case_id', plain],
  ['penalties', 'penalty_fact', 'penalty_id', prefixed('penalty:')],
  ['emergencies', 'emergency_fact', 'emergency_id', prefixed('emergency:')],
  ['acknowledgements', 'acknowledgement_fact', 'case_id', (caseKey) => caseKey],
  ['surveys', 'survey_fact', 'response_id', prefixed('survey:')],
  ['surveyAnswers', 'survey_answer_fact', 'response_id', prefixed('survey:')],
  ['surveyCampaigns', 'survey_campaign_fact', 'survey_id', prefixed('survey-campaign:')],
  ['sites', 'site_fact', 'site_id', prefixed('site:')],
  ['archives', 'complaint_archive', 'complaint_id', plain],
];
function plain(caseKey: string): string | null {
  return caseKey.includes(':') ? null : caseKey;
}
function prefixed(prefix: string) {
  return (caseKey: string): string | null => (caseKey.startsWith(prefix) ? caseKey.slice(prefix.length) : null);
}

/** Tables whose rows carry (org_id, month, site_id): the site-months a change touches. */
const MONTHLY_TABLES: [string, string][] = [
  ['complaint_fact', 'complaint_id'],
  ['callback_fact', 'case_id'],
  ['penalty_fact', 'penalty_id'],
  ['emergency_fact', 'emergency_id'],
  ['acknowledgement_fact', 'case_id'],
  ['survey_fact', 'response_id'],
];

/** The read model's tables built from the stream (what a rebuild empties). */
export const STREAM_TABLES = [
  'analytics_event',
  'complaint_fact',
  'complaint_department_fact',
  'work_order_fact',
  'deadline_fact',
  'escalation_fact',
  'callback_fact',
  'penalty_fact',
  'emergency_fact',
  'acknowledgement_fact',
  'survey_fact',
  'survey_answer_fact',
  'survey_campaign_fact',
  'site_fact',
  'report_cube',
  'customer_month',
  'complaint_archive',
];

/**
 * The projection's SQL. `ingest` stores events once (the event id is the key: a redelivered or
 * replayed event changes nothing); `recompute` folds each touched case again from all its stored
 * events (so arrival order never matters) and replaces its rows; `refresh` re-aggregates the
 * touched site-months into `report_cube` and `customer_month`. One text of SQL serves PostgreSQL
 * and SQLite.
 */
export class ReadModelStore {
  constructor(private readonly db: Knex | Knex.Transaction) {}

  /** Stores the events not seen before; answers the case keys of the batch. */
  async ingest(events: IncomingEvent[]): Promise<string[]> {
    const rows = events.map((e) => ({
      event_id: e.eventId,
      subject: e.subject,
      version: e.version,
      org_id: e.orgId,
      site_id: e.siteId,
      case_id: caseKeyOf(e.subject, e.payload),
      work_order_id: workOrderIdOf(e.payload),
      actor: e.actor,
      channel: e.channel ?? null,
      occurred_at: e.occurredAt,
      payload: JSON.stringify(e.payload),
    }));
    for (const part of chunks(rows, chunkFor(rows[0]))) {
      await this.db('analytics_event').insert(part).onConflict('event_id').ignore();
    }
    return [...new Set(rows.map((r) => r.case_id))];
  }

  private get postgres(): boolean {
    return isPostgresKnex(this.db);
  }

  /**
   * Replicas applying batches at once must not fold the same case (or refresh the same site-month)
   * from different snapshots: each takes transaction-scoped advisory locks on them first, always in
   * the same order (cases before site-months, each sorted by hash), so they queue instead of racing.
   * SQLite has a single writer and needs none.
   */
  private async lock(keys: string[]): Promise<void> {
    if (!this.postgres || !keys.length) return;
    // one statement; the sorted subquery makes every transaction take its locks in the same order
    await this.db.raw(
      'select count(pg_advisory_xact_lock(h)) from (select distinct hashtext(k) as h from unnest(string_to_array(?, chr(31))) as k order by h) s',
      [keys.join('\u001f')],
    );
  }

  /**
   * Folds the cases again from their stored events and replaces their rows; answers the site-months
   * touched. `fresh`: the cases have no rows yet (a rebuild's fold), so there is nothing to look up or delete.
   */
  async recompute(caseKeys: string[], touched = new SiteMonths(), fresh = false): Promise<SiteMonths> {
    const keys = [...new Set(caseKeys)].sort();
    await this.lock(keys);
    for (const part of chunks(keys, IDS_PER_QUERY)) {
      const stored = await this.db('analytics_event')
        .select('event_id', 'subject', 'org_id', 'site_id', 'case_id', 'actor', 'channel', 'occurred_at', 'payload')
        .whereIn('case_id', part);
      const byCase = new Map<string, StoredEvent[]>();
      const sites = new Set<string>();
      for (const r of stored as Record<string, string>[]) {
        const list = byCase.get(r.case_id) ?? [];
        list.push({
          eventId: r.event_id,
          subject: r.subject,
          orgId: r.org_id,
          occurredAt: r.occurred_at,
          actor: r.actor,
          channel: r.channel,
          payload: JSON.parse(r.payload) as Record<string, unknown>,
        });
        byCase.set(r.case_id, list);
        sites.add(r.site_id);
      }
      const zones = await this.siteZones([...sites]);
      const zone = (siteId: string): string => zones.get(siteId) ?? DEFAULT_TIME_ZONE;
      const merged = emptyRows();
      for (const events of byCase.values()) {
        const rows = foldCase(events, zone);
        for (const [name] of CASE_TABLES) (merged[name] as object[]).push(...(rows[name] as object[]));
      }
      await this.attachToArchives(merged);
      if (!fresh) touched.addAll(await this.siteMonthsOf(part));
      await this.replace(part, merged, fresh);
      for (const r of [
        ...merged.complaints,
        ...merged.callbacks,
        ...merged.penalties,
        ...merged.emergencies,
        ...merged.acknowledgements,
        ...merged.surveys,
      ]) {
        touched.add(r);
      }
    }
    return touched;
  }

  /** Fines and emergencies of an archived complaint's work orders go into its file. */
  private async attachToArchives(rows: CaseRows): Promise<void> {
    if (!rows.archives.length) return;
    const byComplaint = new Map(rows.workOrders.map((w) => [w.workOrderId, w.complaintId]));
    const related = new Map<string, Record<string, unknown>[]>();
    for (const part of chunks([...byComplaint.keys()], IDS_PER_QUERY)) {
      const found = (await this.db('analytics_event')
        .select('work_order_id', 'subject', 'payload', 'occurred_at')
        .whereIn('work_order_id', part)
        .whereIn('subject', ['contractor.penalized', 'emergency.reported'])
        .orderBy(['occurred_at', 'event_id'])) as { work_order_id: string; subject: string; payload: string }[];
      for (const r of found) {
        const complaintId = byComplaint.get(r.work_order_id)!;
        related.set(complaintId, [...(related.get(complaintId) ?? []), { kind: r.subject, ...(JSON.parse(r.payload) as object) }]);
      }
    }
    for (const a of rows.archives) {
      const extra = related.get(a.complaintId);
      if (!extra) continue;
      const doc = JSON.parse(a.document) as Record<string, unknown>;
      doc.penalties = extra.filter((x) => x.kind === 'contractor.penalized');
      doc.emergencies = extra.filter((x) => x.kind === 'emergency.reported');
      a.document = JSON.stringify(doc);
    }
  }

  private async siteZones(siteIds: string[]): Promise<Map<string, string>> {
    const zones = new Map<string, string>();
    for (const part of chunks(siteIds, IDS_PER_QUERY)) {
      const rows = (await this.db('site_fact').select('site_id', 'time_zone').whereIn('site_id', part)) as {
        site_id: string;
        time_zone: string;
      }[];
      for (const r of rows) zones.set(r.site_id, r.time_zone);
    }
    return zones;
  }

  private async siteMonthsOf(caseKeys: string[]): Promise<SiteMonth[]> {
    const out: SiteMonth[] = [];
    for (const [table, idColumn] of MONTHLY_TABLES) {
      const spec = CASE_TABLES.find(([, t]) => t === table)!;
      const ids = caseKeys.map(spec[3]).filter((x): x is string => !!x);
      if (!ids.length) continue;
      const rows = (await this.db(table).distinct('org_id', 'month', 'site_id').whereIn(idColumn, ids)) as {
        org_id: string;
        month: string;
        site_id: string;
      }[];
      out.push(...rows.map((r) => ({ orgId: r.org_id, month: r.month, siteId: r.site_id })));
    }
    return out;
  }

  private async replace(caseKeys: string[], rows: CaseRows, fresh: boolean): Promise<void> {
    for (const [name, table, idColumn, idOf] of CASE_TABLES) {
      const ids = caseKeys.map(idOf).filter((x): x is string => !!x);
      if (!ids.length) continue;
      if (!fresh) await this.db(table).whereIn(idColumn, ids).delete();
      const list = (rows[name] as object[]).map(columns);
      for (const part of chunks(list, chunkFor(list[0]))) await this.db(table).insert(part);
    }
  }

  /** Re-aggregates site-months into the report rows, and opens their report submission (due at month end). */
  async refresh(keys: SiteMonth[]): Promise<void> {
    await this.lock(keys.map((k) => `sm:${keyOf(k)}`));
    for (const part of chunks(keys, KEYS_PER_STATEMENT)) {
      const values = part.map(() => '(?, ?, ?)').join(', ');
      const bindings = part.flatMap((k) => [k.orgId, k.month, k.siteId]);
      const inKeys = `(org_id, month, site_id) in (values ${values})`;
      await this.db.raw(`delete from customer_month where ${inKeys}`, bindings);
      await this.db.raw(`with k(org_id, month, site_id) as (values ${values}) ${CUSTOMER_MONTH_SQL}`, [...bindings, true, true, true]);
      await this.db.raw(`delete from report_cube where ${inKeys}`, bindings);
      await this.db.raw(`with k(org_id, month, site_id) as (values ${values}) ${CUBE_SQL}`, [...bindings, ...CUBE_BINDINGS]);
    }
    await this.openSubmissions(keys);
  }

  private async openSubmissions(keys: SiteMonth[]): Promise<void> {
    if (!keys.length) return;
    const zones = await this.siteZones([...new Set(keys.map((k) => k.siteId))]);
    const rows = keys.map((k) => ({
      org_id: k.orgId,
      site_id: k.siteId,
      month: k.month,
      due_at: monthEnd(k.month, zones.get(k.siteId) ?? DEFAULT_TIME_ZONE),
    }));
    for (const part of chunks(rows, chunkFor(rows[0]))) {
      await this.db('report_submission').insert(part).onConflict(['org_id', 'site_id', 'month']).ignore();
    }
  }

  /** Every site-month the facts hold (for a rebuild's final refresh). */
  async allSiteMonths(): Promise<SiteMonth[]> {
    const set = new SiteMonths();
    for (const [table] of MONTHLY_TABLES) {
      const rows = await this.db(table).distinct<{ org_id: string; month: string; site_id: string }[]>('org_id', 'month', 'site_id');
      set.addAll(rows.map((r) => ({ orgId: r.org_id, month: r.month, siteId: r.site_id })));
    }
    return set.values();
  }
}

/**
 * The first instant after the month's last day in the site's time zone: a report not submitted by
 * then is flagged. Found by stepping from UTC midnight of the next month by the zone's offset.
 */
export function monthEnd(month: string, timeZone: string): string {
  const [y, m] = month.split('-').map(Number);
  const utc = Date.UTC(y, m, 1); // next month, 00:00 UTC
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utc));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asLocal = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return new Date(utc - (asLocal - utc)).toISOString();
}

/** Site-months refreshed per statement (3 bindings each). */
const KEYS_PER_STATEMENT = 300;
/** Rows of the site-months in `k` (the statement's CTE). */
const SITE = `(org_id, month, site_id) in (select org_id, month, site_id from k)`;
const KEYS = 'org_id, month, site_id';

/** Complaints per customer in one site-month; flagged when more than one, or a rule-A repeat. */
const CUSTOMER_MONTH_SQL = `
insert into customer_month (org_id, month, site_id, customer_id, area_id, complaints, repeat, flagged)
select ${KEYS}, customer_id, min(area_id), count(*),
       sum(case when repeat = ? then 1 else 0 end) > 0,
       count(*) > 1 or sum(case when repeat = ? then 1 else 0 end) > 0
from complaint_fact
where ${SITE} and valid = ? and customer_id is not null
group by ${KEYS}, customer_id`;

/**
 * The month's figures of each site, per area: dim/key/n rows. Complaint figures count valid complaints
 * of the month of receipt; clocks, causes, rework and escalations count where their complaint does;
 * callbacks in the month of the resolution (as callbackCoverage); fines, emergencies and surveys in
 * their own month. `?` marks are the literal `true` (bound, as the dialects spell booleans apart).
 */
const CUBE_PARTS: [string, number][] = [
  [
    `select ${KEYS}, area_id, case when valid = ? then 'complaints' else 'invalid' end as dim, '' as key, count(*) as n from complaint_fact where ${SITE} group by ${KEYS}, area_id, valid`,
    1,
  ],
  [
    `select ${KEYS}, area_id, 'resolvedAtIntake', '', count(*) from complaint_fact where ${SITE} and valid = ? and resolved_at_intake = ? group by ${KEYS}, area_id`,
    2,
  ],
  [
    `select ${KEYS}, area_id, 'resolved', '', count(*) from complaint_fact where ${SITE} and valid = ? and resolved_at is not null group by ${KEYS}, area_id`,
    1,
  ],
  [
    `select ${KEYS}, area_id, 'closed', '', count(*) from complaint_fact where ${SITE} and closed_at is not null group by ${KEYS}, area_id`,
    0,
  ],
  [
    `select ${KEYS}, area_id, 'repeatFiled', '', count(*) from complaint_fact where ${SITE} and valid = ? and repeat = ? group by ${KEYS}, area_id`,
    2,
  ],
  [
    `select ${KEYS}, area_id, 'category', category, count(*) from complaint_fact where ${SITE} and valid = ? group by ${KEYS}, area_id, category`,
    1,
  ],
  [
    `select ${KEYS}, area_id, 'severity', severity, count(*) from complaint_fact where ${SITE} and valid = ? group by ${KEYS}, area_id, severity`,
    1,
  ],
  [
    `select ${KEYS}, area_id, 'channel', channel, count(*) from complaint_fact where ${SITE} and valid = ? group by ${KEYS}, area_id, channel`,
    1,
  ],
  [
    `select ${KEYS}, area_id, 'department', department, count(*) from complaint_department_fact where ${SITE} and valid = ? group by ${KEYS}, area_id, department`,
    1,
  ],
  [
    `select ${KEYS}, area_id, 'sla.' || outcome, clock, count(*) from deadline_fact where ${SITE} and outcome <> 'CANCELLED' group by ${KEYS}, area_id, outcome, clock`,
    0,
  ],
  [
    `select ${KEYS}, area_id, 'cause', cause, count(*) from work_order_fact where ${SITE} and cause is not null group by ${KEYS}, area_id, cause`,
    0,
  ],
  [`select ${KEYS}, area_id, 'rework', '', count(*) from work_order_fact where ${SITE} and round > 1 group by ${KEYS}, area_id`, 0],
  [
    `select ${KEYS}, area_id, 'reworkRounds', '', sum(round - 1) from work_order_fact where ${SITE} and round > 1 group by ${KEYS}, area_id`,
    0,
  ],
  [
    `select ${KEYS}, area_id, 'extensions', '', sum(extensions) from work_order_fact where ${SITE} and extensions > 0 group by ${KEYS}, area_id`,
    0,
  ],
  [`select ${KEYS}, area_id, 'escalation', to_level, count(*) from escalation_fact where ${SITE} group by ${KEYS}, area_id, to_level`, 0],
  [
    `select ${KEYS}, area_id, 'callback.' || status, '', count(*) from callback_fact where ${SITE} and kind = 'COMPLAINT' group by ${KEYS}, area_id, status`,
    0,
  ],
  [
    `select ${KEYS}, area_id, 'callback.onTime', '', count(*) from callback_fact where ${SITE} and kind = 'COMPLAINT' and status = 'DONE' and completed_at <= due_at group by ${KEYS}, area_id`,
    0,
  ],
  [
    `select ${KEYS}, area_id, 'satisfaction', satisfaction, count(*) from callback_fact where ${SITE} and kind = 'COMPLAINT' and status = 'DONE' group by ${KEYS}, area_id, satisfaction`,
    0,
  ],
  [
    `select ${KEYS}, area_id, 'serviceCallback.' || status, kind, count(*) from callback_fact where ${SITE} and kind <> 'COMPLAINT' group by ${KEYS}, area_id, status, kind`,
    0,
  ],
  [`select ${KEYS}, '', 'penalties', '', count(*) from penalty_fact where ${SITE} group by ${KEYS}`, 0],
  [`select ${KEYS}, '', 'penaltyYuan', '', coalesce(sum(amount_yuan), 0) from penalty_fact where ${SITE} group by ${KEYS}`, 0],
  [`select ${KEYS}, '', 'emergencies', '', count(*) from emergency_fact where ${SITE} group by ${KEYS}`, 0],
  [`select ${KEYS}, '', 'ack.count', kind, count(*) from acknowledgement_fact where ${SITE} group by ${KEYS}, kind`, 0],
  [`select ${KEYS}, '', 'ack.seconds', kind, sum(seconds) from acknowledgement_fact where ${SITE} group by ${KEYS}, kind`, 0],
  [`select ${KEYS}, '', 'surveyResponses', '', count(*) from survey_fact where ${SITE} group by ${KEYS}`, 0],
  [`select ${KEYS}, '', 'surveyDissatisfied', '', coalesce(sum(dissatisfied), 0) from survey_fact where ${SITE} group by ${KEYS}`, 0],
  // issue 31: the month's four-level survey answers by level (the satisfaction index of the report)
  [
    `select ${KEYS}, '', 'surveyLevel', 'VERY_SATISFIED', coalesce(sum(very_satisfied), 0) from survey_fact where ${SITE} group by ${KEYS}`,
    0,
  ],
  [`select ${KEYS}, '', 'surveyLevel', 'SATISFIED', coalesce(sum(satisfied), 0) from survey_fact where ${SITE} group by ${KEYS}`, 0],
  [
    `select ${KEYS}, '', 'surveyLevel', 'BASICALLY_SATISFIED', coalesce(sum(basically_satisfied), 0) from survey_fact where ${SITE} group by ${KEYS}`,
    0,
  ],
  [
    `select ${KEYS}, area_id, 'repeatComplainants', '', count(*) from customer_month where ${SITE} and flagged = ? group by ${KEYS}, area_id`,
    1,
  ],
];
const CUBE_SQL = `
insert into report_cube (org_id, month, site_id, area_id, dim, key, n)
select ${KEYS}, area_id, dim, key, sum(n) from (
  ${CUBE_PARTS.map(([sql]) => sql).join('\n  union all ')}
) t
where n > 0
group by ${KEYS}, area_id, dim, key`;
const CUBE_BINDINGS = CUBE_PARTS.flatMap(([, n]) => Array<boolean>(n).fill(true));
