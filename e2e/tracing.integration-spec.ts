import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { DEMO_DATASET, DEMO_USERS } from '@pc/intake';
import { System, eventually, freePort } from '@pc/system';

/**
 * Issue 15, traces: one trace from `fileComplaint` to dispatch's consumer. The request carries a
 * W3C `traceparent`; the gateway passes it on, intake's resolver runs in a span of that trace and
 * stamps it into the outbox row's envelope, the relay sends it as the NATS header, and dispatch's
 * consumer transaction is a span of the same trace. Spans are exported over OTLP/HTTP to a receiver
 * this test runs. Real: the four subgraph processes, the gateway, PostgreSQL, NATS. Mocked: nothing.
 */
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
}
const spans: { service: string; span: OtlpSpan }[] = [];
let receiver: Server;
let system: System;

beforeAll(async () => {
  const port = await freePort();
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const json = JSON.parse(body || '{}') as {
        resourceSpans?: {
          resource: { attributes: { key: string; value: { stringValue?: string } }[] };
          scopeSpans: { spans: OtlpSpan[] }[];
        }[];
      };
      for (const rs of json.resourceSpans ?? []) {
        const service = rs.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue ?? '?';
        for (const ss of rs.scopeSpans) for (const span of ss.spans) spans.push({ service, span });
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((r) => receiver.listen(port, '127.0.0.1', r));
  system = await System.start({
    env: { ...process.env, OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`, OTEL_BSP_SCHEDULE_DELAY: '200' },
  });
  await system.seedRegistry(DEMO_DATASET);
}, 180_000);

afterAll(async () => {
  await system?.close();
  await new Promise((r) => receiver?.close(r));
});

it('follows one trace id from fileComplaint through the outbox and NATS into dispatch’s consumer', async () => {
  const traceId = randomBytes(16).toString('hex');
  const res = await fetch(system.gatewayUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${system.token(DEMO_USERS.find((u) => u.sub === 'demo-front-desk')!)}`,
      traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`,
    },
    body: JSON.stringify({
      query: 'mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id } }',
      variables: {
        i: {
          siteId: 'demo-site-1',
          customerId: 'demo-customer-1',
          channel: 'PHONE',
          category: 'EQUIPMENT',
          description: 'Traced: the lift stops.',
        },
      },
    }),
  });
  const body = (await res.json()) as { data?: { fileComplaint: { id: string } }; errors?: unknown };
  expect(body.errors).toBeUndefined();
  const complaintId = body.data!.fileComplaint.id;

  // the event carries the trace: in its envelope (outbox row) ...
  const [filed] = await system.sql<{ body: string }>(
    'intake',
    `select body from outbox_event where subject = 'complaint.filed' and body like $1`,
    [`%${complaintId}%`],
  );
  expect(JSON.parse(filed.body).traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));

  // ... and intake's resolver span and dispatch's consumer span share the trace id
  const ofTrace = await eventually(
    async () => {
      const found = spans.filter((s) => s.span.traceId.toLowerCase() === traceId);
      const intake = found.find((s) => s.service === 'intake' && s.span.name === 'intake Mutation.fileComplaint');
      const dispatch = found.find((s) => s.service === 'dispatch' && s.span.name === 'dispatch complaint.filed');
      return Promise.resolve(intake && dispatch ? { intake, dispatch, found } : undefined);
    },
    30_000,
    'the spans of the trace',
  );
  expect(ofTrace.dispatch.span.parentSpanId).toBeTruthy();
  // and what dispatch wrote in that transaction carries the same trace on
  const [created] = await system.sql<{ body: string }>(
    'dispatch',
    `select body from outbox_event where subject = 'workorder.created' and body like $1`,
    [`%${complaintId}%`],
  );
  expect(JSON.parse(created.body).traceparent).toMatch(new RegExp(`^00-${traceId}-`));
  process.stdout.write(`trace ${traceId}: ${ofTrace.found.map((s) => `${s.service}:${s.span.name}`).join(', ')}\n`);
});
