import { readFileSync } from 'node:fs';
import { Department, Role } from '@pc/contracts';
import { SUBGRAPH_NAMES, SUPERGRAPH_FILE } from '@pc/gateway';
import { DEMO_DATASET, DEMO_USERS } from '@pc/intake';
import { System, eventually } from '@pc/system';
import type { AuthUser } from '@pc/platform';
import { CallBuilder, type BuiltCall, type Graph } from './isolation/operations';
import { handleToResolution, ok } from './work-order-steps';

/**
 * The tenant-isolation suite, generated from the composed supergraph: every query, every mutation
 * and every entity type reachable by `_entities` is called, through the gateway and straight at
 * the subgraph that owns it, by a user of another organisation and by a user of the victim's own
 * organisation who is not granted the victim's site. Nothing of the victim may come back, and no
 * table of any service may change. Real: every subgraph process, the gateway, PostgreSQL and
 * NATS JetStream. Mocked: nothing.
 */
const MARK = 'VICTIM-SECRET';
/** A 1×1 PNG: the victim's photo. */
const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const ALL_ROLES = Object.values(Role);
let system: System;
let builder: CallBuilder;
/** What must never reach another tenant: every victim text carries MARK; the victim's ids and site name. */
const secrets: string[] = [MARK, '海景花园'];
const ids: Record<string, string> = {};
let victimIdValues: string[] = [];
/**
 * Entity calls whose fields carry none of the victim's texts or ids (notify's `Complaint.notifications`
 * lists recipients, kinds and times): for these the victim's own answer is proven by what it holds beyond
 * its key, and an attacker's answer must hold nothing beyond its key.
 */
const reachedByContent = new Set<string>();

const user = (sub: string) => DEMO_USERS.find((u) => u.sub === sub)!;
const attackers: Record<string, AuthUser> = {
  'another organisation': { sub: 'intruder', org: 'intruder-org', sites: ['*'], roles: ALL_ROLES, department: Department.ENGINEERING },
  'a site not granted': { sub: 'neighbour', org: 'demo-org', sites: ['demo-site-2'], roles: ALL_ROLES, department: Department.ENGINEERING },
};
const GRAPH_URL = (g: Graph) => system.urls[g.toLowerCase() as 'intake'];

/** Tables whose rows a caller of the victim's organisation writes as its own (the column naming the caller). */
const OWN_ROWS: Record<string, string> = { notification_preference: 'user_id', questionnaire: 'created_by' };

/**
 * Count and digest of every table of every service (messaging bookkeeping left out), without the
 * rows of the intruder's own organisation: what a caller does in its own tenant is not a breach.
 */
async function fingerprint(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const service of SUBGRAPH_NAMES) {
    const tables = await system.sql<{ t: string }>(
      service,
      `select table_name as t from information_schema.tables where table_schema = 'public' and table_name not in ('outbox_event', 'inbox_message', 'parked_message', 'mikro_orm_migrations')`,
    );
    for (const { t } of tables) {
      const [{ has }] = await system.sql<{ has: boolean }>(
        service,
        `select exists (select 1 from information_schema.columns where table_name = $1 and column_name = 'org_id') as has`,
        [t],
      );
      // a caller's own notification preferences are its own, not a breach
      // and the organisation's questionnaires a neighbour (QUALITY of another site) writes are the organisation's, not a site's
      const own = OWN_ROWS[t] ? ` and x.${OWN_ROWS[t]} <> 'neighbour'` : '';
      const where = has ? `where x.org_id <> 'intruder-org'${own}` : '';
      const [row] = await system.sql<{ n: string; h: string | null }>(
        service,
        `select count(*) as n, md5(string_agg(x::text, '|' order by x::text)) as h from "${t}" x ${where}`,
      );
      out[`${service}.${t}`] = `${row.n}:${row.h}`;
    }
  }
  return out;
}

/** Victim secrets in the answer, but for the ids the caller sent itself (an `_entities` stub echoes its key). */
function leaks(body: unknown, sent: unknown = {}): string[] {
  const text = JSON.stringify((body as { data?: unknown }).data ?? null);
  const echoed = JSON.stringify(sent);
  return secrets.filter((s) => text.includes(s) && !(s !== MARK && echoed.includes(s)));
}

/** What an `_entities` answer holds beyond the key it echoes: values that are neither null nor empty lists. */
function beyondKey(body: unknown, sent: unknown): unknown[] {
  const items = ((body as { data?: { _entities?: unknown[] } }).data?._entities ?? []) as (Record<string, unknown> | null)[];
  // the key the stub sent (`id`, or the customer file's `customerId`) is echoed, not read
  const keys = new Set(Object.keys(((sent as { r?: Record<string, unknown>[] }).r ?? [])[0] ?? {}));
  return items.flatMap((item) =>
    Object.entries(item ?? {})
      .filter(([k, v]) => !keys.has(k) && k !== 'id' && k !== '__typename' && v !== null && !(Array.isArray(v) && v.length === 0))
      .map(([, v]) => v),
  );
}

/** The victim's world: a complaint at demo-site-1 taken through every step that leaves a record. */
async function victimData(): Promise<void> {
  const frontDesk = system.token(user('demo-front-desk'));
  const staff = system.token(user('demo-department-staff'));
  const head = system.token(user('demo-department-head'));
  const admin = system.token(user('demo-admin'));
  const gql = system.graphql.bind(system);
  // a photo of the case (issue 29): its key and signed link are the victim's too
  const photo = await system.upload(frontDesk, 'demo-site-1', Buffer.from(PNG_1PX, 'base64'), 'victim.png', 'image/png');
  expect(photo.status).toBe(201);
  ids.attachmentKey = photo.json.key;
  const c = await ok(
    gql(frontDesk, `mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id } }`, {
      i: {
        attachments: [photo.json.key],
        siteId: 'demo-site-1',
        unitId: 'demo-site-1-unit-101',
        customerId: 'demo-customer-1',
        channel: 'PHONE',
        category: 'EQUIPMENT',
        description: `${MARK} lift`,
        idempotencyKey: 'victim-1',
      },
    }),
  );
  ids.complaintId = c.id;
  const wo = await eventually(
    async () => (await ok(gql(frontDesk, `query($id: ID!) { complaint(id: $id) { workOrders { id } } }`, { id: c.id }))).workOrders[0],
    20_000,
    'the work order',
  );
  ids.workOrderId = wo.id;
  await ok(
    gql(head, `mutation($i: EscalateWorkOrderInput!) { escalateWorkOrder(input: $i) { id } }`, {
      i: { workOrderId: wo.id, reason: `${MARK} escalation` },
    }),
  );
  const letter = await ok(
    gql(head, `mutation($i: SendLiaisonLetterInput!) { sendLiaisonLetter(input: $i) { id } }`, {
      i: { workOrderId: wo.id, toDepartment: 'SECURITY', body: `${MARK} body`, dueAt: new Date(Date.now() + 86_400_000).toISOString() },
    }),
  );
  ids.letterId = letter.id;
  const notice = await ok(
    gql(head, `mutation($i: IssueNoticeInput!) { issueRectificationNotice(input: $i) { id } }`, {
      i: {
        workOrderId: wo.id,
        contractor: `${MARK} builders`,
        defect: `${MARK} crack`,
        rectifyBy: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      },
    }),
  );
  ids.noticeId = notice.id;
  await ok(
    gql(head, `mutation($i: RecordContractorResponseInput!) { recordContractorResponse(input: $i) { id } }`, {
      i: { noticeId: notice.id, response: 'REFUSED' },
    }),
  );
  const [penalty] = await ok(gql(head, `{ contractorPenalties(siteId: "demo-site-1") { id } }`));
  ids.penaltyId = penalty.id;
  const emergency = await ok(
    gql(head, `mutation($i: ReportEmergencyInput!) { reportEmergency(input: $i) { id } }`, {
      i: { siteId: 'demo-site-1', description: `${MARK} flood`, occurredAt: new Date(Date.now() - 60_000).toISOString() },
    }),
  );
  ids.emergencyId = emergency.id;
  await handleToResolution({ gql, staff, head }, wo.id);
  const cb = await eventually(
    async () => (await ok(gql(frontDesk, `query($id: ID!) { complaint(id: $id) { callbacks { id } } }`, { id: c.id }))).callbacks[0],
    20_000,
    'the callback',
  );
  ids.callbackId = cb.id;
  await ok(
    gql(frontDesk, `mutation($i: RecordCallbackAttemptInput!) { recordCallbackAttempt(input: $i) { id } }`, {
      i: { callbackId: cb.id, method: 'PHONE', note: `${MARK} no answer`, retryAt: new Date(Date.now() + 3_600_000).toISOString() },
    }),
  );
  const survey = await ok(
    gql(admin, `mutation($i: CreateSurveyInput!) { createSurvey(input: $i) { id } }`, {
      i: { siteId: 'demo-site-1', kind: 'MONTHLY_VISIT', period: '2026-11', questions: [`${MARK} question`] },
    }),
  );
  ids.surveyId = survey.id;
  await ok(
    gql(admin, `mutation($i: RecordSurveyResponseInput!) { recordSurveyResponse(input: $i) { id } }`, {
      i: {
        surveyId: survey.id,
        customerId: 'demo-customer-1',
        answers: [{ question: 0, satisfaction: 'DISSATISFIED', comment: `${MARK} comment` }],
        followUps: [{ question: 0, plan: `${MARK} plan`, ownerId: 'demo-quality', dueAt: new Date(Date.now() + 86_400_000).toISOString() }],
      },
    }),
  );
  const [followUp] = await ok(gql(admin, `{ surveyFollowUps(siteId: "demo-site-1") { id } }`));
  ids.followUpId = followUp.id;
  // issue 31: a questionnaire (the organisation's, not a site's: no MARK) and a campaign of the site with its sample
  const questionnaire = await ok(
    gql(admin, `mutation($i: SaveQuestionnaireInput!) { saveQuestionnaire(input: $i) { id } }`, {
      i: { name: 'victim questionnaire', questions: [{ text: 'How satisfied are you?', kind: 'SCALE' }] },
    }),
  );
  ids.questionnaireId = questionnaire.id;
  await ok(
    gql(admin, `mutation($i: LaunchSurveyInput!) { launchSurveyCampaign(input: $i) { id } }`, {
      i: {
        siteId: 'demo-site-1',
        kind: 'QUARTERLY_QUESTIONNAIRE',
        period: '2026-Q4',
        questionnaireId: questionnaire.id,
        sample: { mode: 'ALL' },
      },
    }),
  );
  // the quality department's monthly check of the site: the follow-up plan, done, is among what it verifies
  await ok(gql(admin, `mutation($id: ID!) { completeSurveyFollowUp(id: $id) { id } }`, { id: ids.followUpId }));
  const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date());
  const check = await ok(
    gql(admin, `mutation($i: DrawQualityCheckInput!) { drawQualityCheck(input: $i) { id items { id } } }`, {
      i: { siteId: 'demo-site-1', month },
    }),
  );
  ids.qualityItemId = check.items[0].id;
  await ok(
    gql(admin, `mutation($i: ScheduleSurveysInput!) { scheduleSurveys(input: $i) { id } }`, {
      i: { siteId: 'demo-site-1', kind: 'MONTHLY_VISIT', questionnaireId: questionnaire.id, sample: { mode: 'ALL' } },
    }),
  );
  // the service desk (issue 14): a repair with its work sheet, an inquiry passed to engineering
  const service = await ok(
    gql(frontDesk, `mutation($i: RequestServiceInput!) { requestService(input: $i) { id } }`, {
      i: { kind: 'REPAIR', siteId: 'demo-site-1', customerId: 'demo-customer-1', channel: 'WECHAT', description: `${MARK} tap` },
    }),
  );
  ids.serviceId = service.id;
  const sheet = await eventually(
    async () => (await gql(head, `query($s: ID!) { serviceOrder(serviceId: $s) { id } }`, { s: service.id })).data?.serviceOrder,
    20_000,
    'the repair work sheet',
  );
  ids.serviceOrderId = sheet.id;
  const inquiry = await ok(
    gql(frontDesk, `mutation($i: RecordInquiryInput!) { recordInquiry(input: $i) { id } }`, {
      i: {
        siteId: 'demo-site-1',
        customerId: 'demo-customer-1',
        kind: 'INQUIRY',
        channel: 'PHONE',
        question: `${MARK} question`,
        routeTo: 'ENGINEERING',
      },
    }),
  );
  ids.inquiryId = inquiry.id;
  // the customer file (issue 30): a unit held, a key-customer tag and a claim with its evidence
  await ok(
    gql(frontDesk, `mutation($i: RecordUnitHoldingInput!) { recordUnitHolding(input: $i) { id } }`, {
      i: { customerId: 'demo-customer-1', unitId: 'demo-site-1-unit-101', role: 'OWNER', movedInOn: '2019-09-01' },
    }),
  );
  await ok(
    gql(system.token(user('demo-quality')), `mutation($i: TagKeyCustomerInput!) { tagKeyCustomer(input: $i) { reason } }`, {
      i: { customerId: 'demo-customer-1', reason: 'IMPORTANT_OWNER', note: `${MARK} tag` },
    }),
  );
  // a visit of the key customer (planned for this month)
  const visits = await ok(
    gql(system.token(user('demo-complaint-rep')), `mutation($i: PlanVisitsInput!) { planVisits(input: $i) { id customerId kind } }`, {
      i: { siteId: 'demo-site-1', month: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7), randomCount: 0 },
    }),
  );
  ids.visitId = visits.find((v: { customerId: string }) => v.customerId === 'demo-customer-1').id;
  const evidence = await system.upload(frontDesk, 'demo-site-1', Buffer.from(PNG_1PX, 'base64'), 'claim.png', 'image/png');
  const claim = await ok(
    gql(frontDesk, `mutation($i: RecordClaimInput!) { recordClaim(input: $i) { id } }`, {
      i: {
        customerId: 'demo-customer-1',
        complaintId: c.id,
        description: `${MARK} claim`,
        amountClaimedYuan: 900,
        evidence: [evidence.json.key],
      },
    }),
  );
  ids.claimId = claim.id;
  // the relationship (issue 30): a committee member and meeting, a notice to building 1, a relationship plan
  const keeper = system.token(user('demo-complaint-rep'));
  await ok(
    gql(keeper, `mutation($i: SaveCommitteeMemberInput!) { saveCommitteeMember(input: $i) { id } }`, {
      i: { siteId: 'demo-site-1', customerId: 'demo-customer-1', position: 'CHAIR', since: '2025-01-01' },
    }),
  );
  await ok(
    gql(keeper, `mutation($i: RecordCommitteeMeetingInput!) { recordCommitteeMeeting(input: $i) { id } }`, {
      i: {
        siteId: 'demo-site-1',
        heldAt: new Date(Date.now() - 3_600_000).toISOString(),
        attendeeIds: ['demo-customer-1'],
        minutes: `${MARK} minutes`,
      },
    }),
  );
  await ok(
    gql(frontDesk, `mutation($i: PublishNoticeInput!) { publishNotice(input: $i) { id } }`, {
      i: { siteId: 'demo-site-1', audience: { buildings: ['1号楼'] }, kind: 'WORKS', title: `${MARK} notice`, body: `${MARK} body` },
    }),
  );
  await ok(
    gql(keeper, `mutation($i: SaveRelationshipPlanInput!) { saveRelationshipPlan(input: $i) { id } }`, {
      i: { siteId: 'demo-site-1', period: '2026', goals: [`${MARK} goal`], budgetYuan: 1000, activities: [] },
    }),
  );
  // a questionnaire is the organisation's (reused by every site's campaigns), not the site's: a user of the
  // organisation granted another site may read it; another organisation may not (e2e/surveys checks that)
  secrets.push(...Object.entries(ids).flatMap(([k, v]) => (v && k !== 'questionnaireId' ? [v] : [])));
}

beforeAll(async () => {
  system = await System.start();
  await system.seedRegistry(DEMO_DATASET, {
    organisation: { id: 'intruder-org', name: 'Intruders' },
    sites: [{ id: 'intruder-site', name: 'Elsewhere' }],
    areas: [{ id: 'intruder-area', siteId: 'intruder-site', name: 'A' }],
    units: [{ id: 'intruder-unit', siteId: 'intruder-site', areaId: 'intruder-area', name: '1' }],
    customers: [{ id: 'intruder-customer', name: 'I', phone: '13900000001', kind: 'OWNER' as never, unitId: 'intruder-unit' }],
  });
  await victimData();
  // notify's record of the victim's case (the callback due): a message and a delivery of the victim
  await eventually(
    async () => (await system.sql('notify', `select id from delivery where org_id = 'demo-org' limit 1`)).length === 1,
    30_000,
    "notify's messages of the victim's case",
  );
  const [{ id: notificationId }] = await system.sql<{ id: string }>(
    'notify',
    `select id from notification where org_id = 'demo-org' limit 1`,
  );
  const [{ id: deliveryId }] = await system.sql<{ id: string }>('notify', `select id from delivery where org_id = 'demo-org' limit 1`);
  // every id argument and input field points at the victim (demo-site-1 of demo-org)
  const victimIds = {
    siteId: 'demo-site-1',
    areaId: 'demo-site-1-area-a',
    unitId: 'demo-site-1-unit-101',
    customerId: 'demo-customer-1',
    complaintId: ids.complaintId,
    workOrderId: ids.workOrderId,
    callbackId: ids.callbackId,
    surveyId: ids.surveyId,
    letterId: ids.letterId,
    noticeId: ids.noticeId,
    penaltyId: ids.penaltyId,
    emergencyId: ids.emergencyId,
    serviceId: ids.serviceId,
    serviceOrderId: ids.serviceOrderId,
    inquiryId: ids.inquiryId,
    claimId: ids.claimId,
    visitId: ids.visitId,
    attendeeIds: 'demo-customer-1',
    raisedBy: 'demo-customer-1',
    unitIds: 'demo-site-1-unit-101',
    areaIds: 'demo-site-1-area-a',
    'CustomerFile.customerId': 'demo-customer-1',
    caseId: ids.complaintId,
    repeatOf: ids.complaintId,
    assignee: 'demo-front-desk',
    actor: 'demo-front-desk',
    handlerId: 'demo-department-staff',
    approvedBy: 'demo-leadership',
    receivedBy: 'demo-front-desk',
    ownerId: 'demo-quality',
    areaManagerId: 'demo-area-manager',
    reportedTo: 'demo-site-head',
    responsibleWorkOrderId: ids.workOrderId,
    'complaint.id': ids.complaintId,
    'workOrder.id': ids.workOrderId,
    'serviceOrder.id': ids.serviceOrderId,
    'serviceRequest.id': ids.serviceId,
    'completeSurveyFollowUp.id': ids.followUpId,
    'closeSurvey.id': ids.surveyId,
    'FollowUpCallbackInput.id': ids.followUpId,
    itemId: ids.qualityItemId,
    'SurveyFollowUp.id': ids.followUpId,
    questionnaireId: ids.questionnaireId,
    'SaveSiteInput.id': 'demo-site-1',
    'SaveAreaInput.id': 'demo-site-1-area-a',
    'SaveUnitInput.id': 'demo-site-1-unit-101',
    'SaveCustomerInput.id': 'demo-customer-1',
    'SaveStaffUserInput.id': 'demo-site-head',
    'SaveStaffUserInput.sites': 'demo-site-1',
    'Complaint.id': ids.complaintId,
    'WorkOrder.id': ids.workOrderId,
    'Callback.id': ids.callbackId,
    'Site.id': 'demo-site-1',
    'acknowledgeNotification.id': notificationId,
    'markNotificationsRead.ids': notificationId,
    'resendDelivery.id': deliveryId,
    'acknowledgeHandover.id': 'victim-handover',
    staffIds: 'demo-front-desk',
    'attachmentUrl.key': ids.attachmentKey,
    userId: 'demo-front-desk',
  };
  builder = new CallBuilder(readFileSync(SUPERGRAPH_FILE, 'utf8'), victimIds);
  victimIdValues = Object.values(victimIds).filter((v): v is string => !!v);
}, 180_000);

afterAll(async () => {
  await system?.close();
});

describe('the generated calls reach the data (positive control, the victim itself)', () => {
  it('answers the victim every read by id with its own data, so the probes below are real', async () => {
    const victim = system.token({ ...user('demo-admin'), roles: ALL_ROLES, department: Department.ENGINEERING });
    const byId = builder
      .rootCalls()
      .filter((c) =>
        ['complaint', 'workOrder', 'rectificationNotices', 'serviceRequest', 'serviceOrder', 'customerFile'].includes(
          c.name.replace('#plain', ''),
        ),
      );
    // a stub that selects nothing but its key (Complaint in dispatch, CustomerFile in callback, #plain) has nothing of its own to show
    const entities = builder.entityCalls().filter((c) => !/\{ \w+ \} \} \}$/.test(c.query));
    for (const call of [...byId, ...entities]) {
      const url = call.kind === 'entities' ? GRAPH_URL(call.graphs[0]) : system.gatewayUrl;
      const body = await system.graphql(victim, call.query, call.variables, url);
      expect({ call: call.name, errors: body.errors }).toEqual({ call: call.name, errors: undefined });
      // the victim's own data comes back (its ids and marked texts; a bare stub of the id it sent does not count)
      const reached = leaks(body, call.variables).length > 0;
      if (!reached && call.kind === 'entities' && beyondKey(body, call.variables).length > 0) reachedByContent.add(call.name);
      expect({ call: call.name, reaches: reached || reachedByContent.has(call.name) }).toEqual({ call: call.name, reaches: true });
    }
  });
});

describe.each(Object.entries(attackers))('a user of %s', (_who, attacker) => {
  let token: string;
  let before: Record<string, string>;
  beforeAll(async () => {
    token = system.token(attacker);
    before = await fingerprint();
  });

  const check = async (call: BuiltCall, url: string): Promise<void> => {
    const body = await system.graphql(token, call.query, call.variables, url);
    expect({ call: call.name, url, leaked: leaks(body, call.variables) }).toEqual({ call: call.name, url, leaked: [] });
    if (reachedByContent.has(call.name)) {
      expect({ call: call.name, url, beyondKey: beyondKey(body, call.variables) }).toEqual({ call: call.name, url, beyondKey: [] });
    }
    const aimsAtVictim = victimIdValues.some((id) => JSON.stringify(call.variables).includes(`"${id}"`));
    if (call.kind === 'mutation' && aimsAtVictim) {
      // a mutation aimed at the victim must be refused (FORBIDDEN, NOT_FOUND, a refused id, ...), never carried out;
      // one that names no victim id (setRouting) acts on the caller's own tenant: the fingerprint covers it.
      // A batch (importComplaints) refuses record by record: its answer then reports nothing filed and nothing matched.
      const answer = (body.data as Record<string, { filed?: number; duplicates?: number } | null> | undefined)?.[call.name.split('#')[0]];
      const batchRefused = answer?.filed === 0 && (answer.duplicates ?? 0) === 0;
      expect({ call: call.name, url, refused: !!body.errors?.length || batchRefused }).toEqual({ call: call.name, url, refused: true });
    }
  };

  it('reads nothing of the victim through any query, mutation or _entities, at the gateway or at the subgraph, and changes nothing', async () => {
    const calls = [...builder.rootCalls(), ...builder.entityCalls()];
    expect(calls.filter((c) => c.kind === 'query').length).toBeGreaterThanOrEqual(15);
    expect(calls.filter((c) => c.kind === 'mutation').length).toBeGreaterThanOrEqual(25);
    expect(calls.filter((c) => c.kind === 'entities').length).toBeGreaterThanOrEqual(4);
    for (const call of calls) {
      if (call.kind !== 'entities') await check(call, system.gatewayUrl);
      for (const g of call.graphs) await check(call, GRAPH_URL(g));
    }
    // events a refused call might have published would land within a second or two
    await new Promise((r) => setTimeout(r, 2000));
    expect(await fingerprint()).toEqual(before);
  }, 240_000);
});
