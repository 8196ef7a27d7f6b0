import { DEMO_DATASET, DEMO_USERS } from '@pc/intake';
import { System, eventually } from '@pc/system';
import { ok } from './work-order-steps';

/**
 * Issue 14, the service desk beyond complaints: repairs and paid services from request to callback,
 * inquiries and suggestions, and the contact log every department keeps. Real: the four subgraph
 * processes, the gateway, PostgreSQL and NATS JetStream. Mocked: nothing.
 */
let system: System;
const token = (sub: string) => system.token(DEMO_USERS.find((u) => u.sub === sub)!);
let desk: string;
let engineer: string;
let head: string;
let areaManager: string;
const gql = (t: string, q: string, v?: Record<string, unknown>) => system.graphql(t, q, v);
const errorOf = (r: { errors?: any[] }) => r.errors?.[0]?.extensions;
const H = 3_600_000;

const SHEET = `id serviceId status kind department responseDueAt respondedAt responseBreachedAt handlerId etaAt etaBreachedAt completedAt chargedYuan
  notes { note customerInformedAt customerInformedVia }`;
const REQUEST = `id kind siteId customerId unitId channel department agreedPriceYuan receivedAt responseDueAt status completedAt chargedYuan`;

const request = (input: Record<string, unknown>) =>
  gql(desk, `mutation($i: RequestServiceInput!) { requestService(input: $i) { ${REQUEST} } }`, {
    i: { siteId: 'demo-site-1', customerId: 'demo-customer-1', channel: 'WECHAT', description: 'The kitchen tap leaks.', ...input },
  });
const sheetOf = (serviceId: string) =>
  eventually(
    async () => (await gql(engineer, `query($s: ID!) { serviceOrder(serviceId: $s) { ${SHEET} } }`, { s: serviceId })).data?.serviceOrder,
    20_000,
    'the repair work sheet',
  );
const respond = (serviceOrderId: string, over: Record<string, unknown> = {}) =>
  gql(head, `mutation($i: RespondToServiceInput!) { respondToService(input: $i) { ${SHEET} } }`, {
    i: {
      serviceOrderId,
      handlerId: 'demo-department-staff',
      eta: new Date(Date.now() + 2 * H).toISOString(),
      customerInformed: { at: new Date().toISOString(), via: 'WECHAT' },
      ...over,
    },
  });
const complete = (serviceOrderId: string, over: Record<string, unknown> = {}) =>
  gql(engineer, `mutation($i: CompleteServiceInput!) { completeService(input: $i) { ${SHEET} } }`, {
    i: { serviceOrderId, result: 'Replaced the tap washer.', customerSignature: 's3://sheets/repair-101.pdf', ...over },
  });
const contactLog = (args: string) =>
  ok(
    gql(
      desk,
      `{ contactLog(${args}) { edges { node { caseId customerId department channel asked answered by source } } pageInfo { hasNextPage } } }`,
    ),
  );

beforeAll(async () => {
  system = await System.start();
  await system.seedRegistry(DEMO_DATASET);
  desk = token('demo-front-desk');
  engineer = token('demo-department-staff');
  head = token('demo-department-head');
  areaManager = token('demo-area-manager');
});

afterAll(async () => {
  await system?.close();
});

describe('issue 14 repairs and paid services', () => {
  it('takes a repair from a WeChat request through its work sheet to the callback, and callbackCoverage counts it', async () => {
    const filed = await ok(request({ kind: 'REPAIR', idempotencyKey: 'repair-101-tap' }));
    expect(filed).toMatchObject({
      kind: 'REPAIR',
      channel: 'WECHAT',
      department: 'ENGINEERING',
      unitId: 'demo-site-1-unit-101',
      status: 'REQUESTED',
    });
    // the site's default response time: 30 minutes
    expect(new Date(filed.responseDueAt).getTime() - new Date(filed.receivedAt).getTime()).toBe(30 * 60_000);
    expect((await ok(request({ kind: 'REPAIR', idempotencyKey: 'repair-101-tap' }))).id).toBe(filed.id);

    const sheet = await sheetOf(filed.id);
    expect(sheet).toMatchObject({ status: 'RECEIVED', kind: 'REPAIR', department: 'ENGINEERING', responseDueAt: filed.responseDueAt });
    expect(errorOf(await complete(sheet.id))).toMatchObject({ code: 'CONFLICT' });
    const nobody = await respond(sheet.id, { handlerId: 'nobody-here' });
    expect(errorOf(nobody)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'handlerId' });
    const responded = await ok(respond(sheet.id));
    expect(responded).toMatchObject({ status: 'RESPONDED', handlerId: 'demo-department-staff', responseBreachedAt: null });
    expect(responded.notes[0]).toMatchObject({ customerInformedVia: 'WECHAT' });

    const progress = (i: Record<string, unknown>) =>
      gql(engineer, `mutation($i: RecordServiceProgressInput!) { recordServiceProgress(input: $i) { ${SHEET} } }`, {
        i: { serviceOrderId: sheet.id, note: 'Washer ordered.', ...i },
      });
    const untold = await progress({ newEta: new Date(Date.now() + 3 * H).toISOString() });
    expect(errorOf(untold)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'customerInformed' });
    await ok(
      progress({ newEta: new Date(Date.now() + 3 * H).toISOString(), customerInformed: { at: new Date().toISOString(), via: 'PHONE' } }),
    );

    const done = await ok(complete(sheet.id));
    expect(done).toMatchObject({ status: 'COMPLETED', etaBreachedAt: null });
    const completed = await eventually(
      async () => {
        const r = await gql(desk, `query($id: ID!) { serviceRequest(id: $id) { ${REQUEST} } }`, { id: filed.id });
        return r.data?.serviceRequest?.status === 'COMPLETED' ? r.data.serviceRequest : undefined;
      },
      20_000,
      'the request completed at the desk',
    );
    expect(completed.completedAt).toBe(done.completedAt);

    // the callback goes to whoever took the request, by phone or WeChat; the engineer may not record it
    const callback = await eventually(
      async () =>
        (await ok(gql(desk, `{ callbackWorklist(kind: REPAIR) { id caseId assignee allowedMethods dueAt } }`))).find(
          (c: any) => c.caseId === filed.id,
        ),
      20_000,
      'the repair callback',
    );
    expect(callback).toMatchObject({ assignee: 'demo-front-desk', allowedMethods: ['PHONE', 'WECHAT'] });
    expect(new Date(callback.dueAt).getTime() - new Date(done.completedAt).getTime()).toBe(24 * H);
    const record = (t: string) =>
      gql(t, `mutation($i: RecordCallbackInput!) { recordCallback(input: $i) { status satisfaction } }`, {
        i: {
          callbackId: callback.id,
          method: 'WECHAT',
          reached: 'the owner',
          serviceQuality: 'SATISFIED',
          attitude: 'VERY_SATISFIED',
          satisfaction: 'SATISFIED',
        },
      });
    expect(errorOf(await record(engineer))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await ok(record(desk))).toEqual({ status: 'DONE', satisfaction: 'SATISFIED' });

    const month = done.completedAt.slice(0, 7);
    const coverage = await ok(
      gql(
        areaManager,
        `query($m: String!) { callbackCoverage(month: $m, siteId: "demo-site-1", kind: REPAIR) { kind resolved onTime coverage } }`,
        {
          m: month,
        },
      ),
    );
    expect(coverage.reduce((n: number, c: any) => n + c.onTime, 0)).toBeGreaterThanOrEqual(1);

    // every contact of the case is in the contact log, under the customer
    const log = await eventually(
      async () => {
        const page = await contactLog(`customerId: "demo-customer-1", caseId: "${filed.id}"`);
        return page.edges.length >= 4 ? page.edges.map((e: any) => e.node) : undefined;
      },
      20_000,
      'the contact log of the repair',
    );
    expect(log.map((n: any) => n.source).sort()).toEqual(['CALLBACK', 'SERVICE', 'SERVICE', 'SERVICE']);
    expect(log).toContainEqual(
      expect.objectContaining({ source: 'SERVICE', asked: 'The kitchen tap leaks.', department: null, by: 'demo-front-desk' }),
    );
    expect(log).toContainEqual(
      expect.objectContaining({ source: 'SERVICE', department: 'ENGINEERING', channel: 'WECHAT', by: 'demo-department-head' }),
    );
    expect(log).toContainEqual(
      expect.objectContaining({ source: 'CALLBACK', channel: 'WECHAT', answered: 'satisfaction SATISFIED', customerId: 'demo-customer-1' }),
    );
  });

  it('rule "a paid service carries its agreed price and what was charged"; a response past the site\'s setting is breached', async () => {
    expect(errorOf(await request({ kind: 'PAID_SERVICE' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'agreedPriceYuan' });
    // a paid service goes to the department its category routes to (cleaning for a deep clean)
    const clean = await ok(
      request({ kind: 'PAID_SERVICE', agreedPriceYuan: 300, category: 'HYGIENE', description: 'Deep clean after fit-out.' }),
    );
    expect(clean.department).toBe('CLEANING');
    // a paper record entered two hours late: its 30-minute response is already overdue
    const late = await ok(
      request({ kind: 'PAID_SERVICE', agreedPriceYuan: 120, channel: 'VISIT', receivedAt: new Date(Date.now() - 2 * H).toISOString() }),
    );
    const sheet = await sheetOf(late.id);
    const breached = await eventually(
      async () => {
        const s = (await gql(engineer, `query($s: ID!) { serviceOrder(serviceId: $s) { ${SHEET} } }`, { s: late.id })).data?.serviceOrder;
        return s?.responseBreachedAt ? s : undefined;
      },
      20_000,
      'the RESPONSE breach',
    );
    expect(breached.responseBreachedAt).toBe(late.responseDueAt);
    const overdue = await eventually(
      async () =>
        (await system.sql<{ body: string }>('dispatch', `select body from outbox_event where subject = 'service.overdue'`))
          .map((r) => JSON.parse(r.body).payload)
          .find((p) => p.serviceId === late.id),
      20_000,
      'service.overdue',
    );
    expect(overdue).toMatchObject({ clock: 'RESPONSE', department: 'ENGINEERING' });
    await ok(respond(sheet.id));
    expect(errorOf(await complete(sheet.id))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'chargedYuan' });
    expect(await ok(complete(sheet.id, { chargedYuan: 120 }))).toMatchObject({ status: 'COMPLETED', chargedYuan: 120 });
    const callback = await eventually(
      async () => (await ok(gql(desk, `{ callbackWorklist(kind: PAID_SERVICE) { id caseId } }`))).find((c: any) => c.caseId === late.id),
      20_000,
      'the paid-service callback',
    );
    const noPriceCheck = await gql(desk, `mutation($i: RecordCallbackInput!) { recordCallback(input: $i) { status } }`, {
      i: {
        callbackId: callback.id,
        method: 'PHONE',
        reached: 'owner',
        serviceQuality: 'SATISFIED',
        attitude: 'SATISFIED',
        satisfaction: 'SATISFIED',
      },
    });
    expect(errorOf(noPriceCheck)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'priceCheck' });
  });
});

describe('issue 14 inquiries, suggestions and the contact log', () => {
  const INQUIRY = `id kind status channel customerId routedTo answer answeredBy answeredVia`;
  const inquire = (t: string, i: Record<string, unknown>) =>
    gql(t, `mutation($i: RecordInquiryInput!) { recordInquiry(input: $i) { ${INQUIRY} } }`, {
      i: { siteId: 'demo-site-1', channel: 'PHONE', kind: 'INQUIRY', ...i },
    });

  it('answers an inquiry on the spot or through the department that knows; collects unsigned suggestions from the box', async () => {
    const spot = await ok(inquire(desk, { customerId: 'demo-customer-2', question: 'When is the water off?', answer: 'Tomorrow 9–11.' }));
    expect(spot).toMatchObject({ status: 'ANSWERED', answeredBy: 'demo-front-desk', answeredVia: 'PHONE' });

    const routed = await ok(inquire(desk, { customerId: 'demo-customer-2', question: 'May I move the radiator?', routeTo: 'ENGINEERING' }));
    expect(routed).toMatchObject({ status: 'ROUTED', routedTo: 'ENGINEERING' });
    const queue = await ok(gql(engineer, `{ inquiries(status: ROUTED, routedTo: ENGINEERING) { edges { node { id } } } }`));
    expect(queue.edges.map((e: any) => e.node.id)).toContain(routed.id);
    const answer = (t: string) =>
      gql(t, `mutation($i: AnswerInquiryInput!) { answerInquiry(input: $i) { ${INQUIRY} } }`, {
        i: { inquiryId: routed.id, answer: 'Yes, with a fit-out permit.', via: 'VISIT' },
      });
    expect(await ok(answer(engineer))).toMatchObject({ status: 'ANSWERED', answeredBy: 'demo-department-staff', answeredVia: 'VISIT' });
    expect(errorOf(await answer(engineer))).toMatchObject({ code: 'CONFLICT' });

    expect(errorOf(await inquire(desk, { kind: 'SUGGESTION', question: 'More benches, please.' }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'customerId',
    });
    const box = await ok(inquire(desk, { kind: 'SUGGESTION', channel: 'SUGGESTION_BOX', question: 'More benches, please.' }));
    expect(box).toMatchObject({ kind: 'SUGGESTION', status: 'OPEN', customerId: null });

    const log = (await contactLog(`customerId: "demo-customer-2", first: 50`)).edges.map((e: any) => e.node);
    expect(log).toContainEqual(expect.objectContaining({ source: 'INQUIRY', asked: 'When is the water off?', answered: 'Tomorrow 9–11.' }));
    expect(log).toContainEqual(
      expect.objectContaining({ source: 'INQUIRY', department: 'ENGINEERING', channel: 'VISIT', answered: 'Yes, with a fit-out permit.' }),
    );
  });

  it('rule "every department keeps a contact log": entries by hand and by the complaint flow, searchable per customer and department', async () => {
    const filed = await ok(
      gql(desk, `mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id } }`, {
        i: {
          siteId: 'demo-site-1',
          unitId: 'demo-site-1-unit-502',
          customerId: 'demo-customer-2',
          channel: 'VISIT',
          category: 'NOISE',
          description: 'Drilling after 22:00.',
        },
      }),
    );
    const manual = await ok(
      gql(engineer, `mutation($i: RecordContactInput!) { recordContact(input: $i) { department channel source by } }`, {
        i: {
          siteId: 'demo-site-1',
          customerId: 'demo-customer-2',
          channel: 'PHONE',
          asked: 'Is the lift fixed?',
          answered: 'Yes, since noon.',
        },
      }),
    );
    expect(manual).toEqual({ department: 'ENGINEERING', channel: 'PHONE', source: 'MANUAL', by: 'demo-department-staff' });
    const unknown = await gql(engineer, `mutation($i: RecordContactInput!) { recordContact(input: $i) { id } }`, {
      i: { siteId: 'demo-site-1', customerId: 'demo-customer-3', channel: 'PHONE', answered: 'x' },
    });
    expect(errorOf(unknown)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'customerId' });

    const all = (await contactLog(`customerId: "demo-customer-2", first: 100`)).edges.map((e: any) => e.node);
    expect(all).toContainEqual(
      expect.objectContaining({ source: 'COMPLAINT', caseId: filed.id, asked: 'Drilling after 22:00.', channel: 'VISIT' }),
    );
    const engineering = (await contactLog(`customerId: "demo-customer-2", department: ENGINEERING`)).edges.map((e: any) => e.node);
    expect(engineering.every((n: any) => n.department === 'ENGINEERING')).toBe(true);
    expect(engineering).toContainEqual(expect.objectContaining({ source: 'MANUAL', asked: 'Is the lift fixed?' }));
    // the analyst role reads no customer's words
    expect(errorOf(await gql(token('demo-analyst'), `{ contactLog { edges { node { id } } } }`))).toMatchObject({ code: 'FORBIDDEN' });
    const first = await contactLog(`customerId: "demo-customer-2", first: 1`);
    expect(first.pageInfo.hasNextPage).toBe(true);
  });
});
