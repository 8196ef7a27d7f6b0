import type { ChildProcess } from 'node:child_process';
import { eventually } from './harness';
import type { CasePlan, ComplaintPlan, Level, ServicePlan, SurveyPlan } from './demo-plan';

/**
 * Plays the demo plan through the running services (issue 28): every case is filed, planned,
 * assigned, progressed, extended, resolved, called back and reworked through the gateway, by the
 * user whose job it is, with the services' clocks (PC_CLOCK=ipc) set to the time each step is dated.
 * The timers fire by themselves as the clocks pass their deadlines, so breaches, escalations and
 * the monthly figures come from the services, never written by hand; every read model agrees.
 */
export type Gql = (token: string, query: string, variables?: Record<string, unknown>) => Promise<any>;

export interface HistoryRun {
  gql: Gql;
  /** A token per user id (the assignee of a callback answers it). */
  tokens: Record<string, string>;
  /** The processes whose clocks move (the subgraphs started with PC_CLOCK=ipc). */
  clocks: ChildProcess[];
  /** Steps dated after this are left undone (the last cases stay open in the queue). */
  until: Date;
  concurrency?: number;
  onProgress?(done: number, total: number, at: Date): void;
}

export interface HistorySummary {
  complaints: number;
  services: number;
  surveys: number;
  steps: number;
  failed: { key: string; step: string; reason: string }[];
}

const H = 3_600_000;
type Step = { at: number; key: string; step: string; run: () => Promise<void> };

/** Sets every clock and waits until each process said it is set. */
export async function setClocks(processes: ChildProcess[], at: Date): Promise<void> {
  const iso = at.toISOString();
  await Promise.all(
    processes.map(
      (p) =>
        new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`a service did not set its clock to ${iso} within 10 s`)), 10_000);
          const onMessage = (m: { clockSet?: string }) => {
            if (m?.clockSet !== iso) return;
            clearTimeout(timer);
            p.off('message', onMessage);
            resolve();
          };
          p.on('message', onMessage);
          p.send({ clock: iso });
        }),
    ),
  );
}

const WO = `id status round department deadlines { clock dueAt metAt }`;
const contact = (at: number, via = 'PHONE') => ({ at: new Date(at).toISOString(), via });

export async function playHistory(plans: CasePlan[], run: HistoryRun): Promise<HistorySummary> {
  const { gql, tokens } = run;
  const until = run.until.getTime();
  const queue: Step[] = [];
  const failed: HistorySummary['failed'] = [];
  let steps = 0;
  let total = 0;
  const add = (at: number, key: string, step: string, fn: () => Promise<void>) => {
    if (at > until) return;
    total++;
    queue.push({ at, key, step, run: fn });
  };
  const token = (sub: string) => tokens[sub] ?? tokens['demo-admin'];
  const staff = (department: string) => `demo-${department.toLowerCase()}-staff`;
  const head = (department: string) => `demo-${department.toLowerCase()}-head`;
  const complaintOf = (id: string) =>
    gql(
      token('demo-complaint-rep'),
      `query($id: ID!) { complaint(id: $id) { id status severity workOrders { ${WO} } callbacks { id status round assignee allowedMethods } } }`,
      { id },
    );
  /** Waits (in real time, the clocks standing still) for what another service does on an event. */
  const await_ = <T>(what: string, probe: () => Promise<T | undefined>) => eventually(probe, 30_000, what);

  const callback = (key: string, at: number, caseId: () => Promise<any>, lvl: Level, paid: boolean, after: () => void) =>
    add(at, key, 'callback', async () => {
      const cb = await await_('its callback', caseId);
      const reached = 'the customer';
      await gql(token(cb.assignee), `mutation($i: RecordCallbackInput!) { recordCallback(input: $i) { id } }`, {
        i: {
          callbackId: cb.id,
          method: cb.allowedMethods[0],
          reached,
          serviceQuality: lvl,
          attitude: lvl === 'DISSATISFIED' ? 'BASICALLY_SATISFIED' : lvl,
          satisfaction: lvl,
          ...(paid ? { priceCheck: 'FAIR' } : {}),
          ...(lvl === 'DISSATISFIED' ? { shortcomings: 'Not fixed: the same problem came back.' } : {}),
        },
      });
      after();
    });

  const handle = (p: ComplaintPlan, complaintId: string, round: number, from: number) =>
    add(from + p.planAfterH * H, p.key, `plan (round ${round})`, async () => {
      const at = from + p.planAfterH * H;
      let major = false;
      const wo = await await_('its work order', async () => {
        const c = await complaintOf(complaintId);
        major = c.severity === 'MAJOR'; // planned major, or made major by a rule (a repeat complaint: rule A)
        return c.workOrders.find((w: any) => w.round === round && ['RECEIVED', 'REOPENED'].includes(w.status));
      });
      const dept = wo.department as string;
      const [s, h] = dept === 'ENGINEERING' ? ['demo-department-staff', 'demo-department-head'] : [staff(dept), head(dept)];
      if (major && round === 1) {
        await gql(token('demo-area-manager'), `mutation($i: ReportToHeadInput!) { reportToHead(input: $i) { id } }`, {
          i: { workOrderId: wo.id, reportedTo: 'demo-site-head' },
        });
      }
      await gql(token(s), `mutation($i: RecordHandlingPlanInput!) { recordHandlingPlan(input: $i) { id } }`, {
        i: { workOrderId: wo.id, plan: round === 1 ? 'Inspect on site and repair.' : 'Second visit: replace the part.' },
      });
      await gql(token(h), `mutation($id: ID!) { signOffHandlingPlan(workOrderId: $id) { id } }`, { id: wo.id });
      await gql(token(h), `mutation($i: AssignHandlerInput!) { assignHandler(input: $i) { id } }`, {
        i: { workOrderId: wo.id, handlerId: s },
      });
      if (major && round === 1) {
        add(at + 3 * H, p.key, 'agree solution', () =>
          gql(token('demo-area-manager'), `mutation($i: AgreeSolutionInput!) { recordAgreedSolution(input: $i) { id } }`, {
            i: { workOrderId: wo.id, solution: 'Repair agreed with the customer.', agreed: contact(at + 3 * H, 'VISIT') },
          }),
        );
      }
      add(at + 4 * H, p.key, 'progress', () =>
        gql(token(s), `mutation($i: RecordProgressInput!) { recordProgress(input: $i) { id } }`, {
          i: { workOrderId: wo.id, note: 'On site; parts ordered.', customerInformed: contact(at + 4 * H) },
        }),
      );
      if (p.extension && round === 1) {
        // before the progress note meets the customer clocks: the first open clock that may be extended
        add(at + 2 * H, p.key, 'extension', async () => {
          const now = await complaintOf(complaintId);
          const open = now.workOrders
            .find((w: any) => w.id === wo.id)
            ?.deadlines.find(
              (d: any) =>
                !d.metAt && new Date(d.dueAt).getTime() > at + 2 * H && !['MAJOR_UPGRADE', 'CONTRACTOR_ARRIVAL'].includes(d.clock),
            );
          if (!open) throw new Error('no open clock to extend');
          await gql(token(h), `mutation($i: ExtendDeadlineInput!) { extendDeadline(input: $i) { id } }`, {
            i: {
              workOrderId: wo.id,
              clock: open.clock,
              newDueAt: new Date(new Date(open.dueAt).getTime() + 48 * H).toISOString(),
              reason: 'Parts on order from the manufacturer.',
              customerTold: contact(at + 2 * H),
            },
          });
        });
      }
      const resolvedAt = from + (round === 1 ? p.resolveAfterH : 24) * H;
      add(Math.max(resolvedAt, at + 6 * H), p.key, `resolve (round ${round})`, async () => {
        // a slow case may have become major since (rule D: not reasonably resolved within 10 days)
        major = (await complaintOf(complaintId)).severity === 'MAJOR';
        await gql(token(s), `mutation($i: ResolveWorkOrderInput!) { resolveWorkOrder(input: $i) { id } }`, {
          i: {
            workOrderId: wo.id,
            resolution: round === 1 ? 'Repaired and tested with the customer.' : 'Part replaced; checked again a week later.',
            cause: 'EQUIPMENT_FAILURE',
            causeAnalysis: 'Worn part',
            preventiveAction: 'Added to the monthly inspection',
            customerInformed: contact(Math.max(resolvedAt, at + 6 * H)),
            ...(major ? { correctiveActionReport: 'Corrective-action report filed with the quality department.' } : {}),
          },
        });
        const lvl = p.levels[round - 1] ?? 'SATISFIED';
        const cbAt = Math.max(resolvedAt, at + 6 * H) + p.callbackAfterH * H;
        callback(
          p.key,
          cbAt,
          async () => (await complaintOf(complaintId)).callbacks.find((c: any) => c.round === round && c.status !== 'DONE'),
          lvl,
          false,
          () => {
            if (lvl === 'DISSATISFIED' && round === 1) handle({ ...p, planAfterH: 2 }, complaintId, 2, cbAt);
          },
        );
      });
    });

  const complaint = (p: ComplaintPlan) =>
    add(p.filedAt.getTime(), p.key, 'file', async () => {
      const at = p.filedAt.getTime();
      const filed = await gql(token('demo-front-desk'), `mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id } }`, {
        i: {
          siteId: p.siteId,
          unitId: p.customer.unitId,
          customerId: p.customer.id,
          channel: p.channel,
          category: p.category,
          description: p.description,
          urgent: p.urgent,
          ...(p.major ? { circumstances: ['PROMISED_SERVICE_FAILED'] } : {}),
          ...(p.valid ? {} : { valid: false, invalidReason: 'The matter is the tenant’s own fit-out, outside the service contract.' }),
          ...(p.onTheSpot ? { resolution: 'Explained and settled at the desk.' } : {}),
          idempotencyKey: p.key,
        },
      });
      const id = filed.id as string;
      if (!p.valid) {
        add(at + p.invalidReplyAfterH * H, p.key, 'invalid reply', () =>
          gql(token('demo-complaint-rep'), `mutation($i: RecordInvalidReplyInput!) { recordInvalidReply(input: $i) { id } }`, {
            i: { complaintId: id, reply: 'Explained why this is outside the service contract.', repliedVia: 'PHONE' },
          }),
        );
      } else if (p.onTheSpot) {
        callback(
          p.key,
          at + p.callbackAfterH * H,
          async () => (await complaintOf(id)).callbacks.find((c: any) => c.status !== 'DONE'),
          p.levels[0] === 'DISSATISFIED' ? 'BASICALLY_SATISFIED' : p.levels[0],
          false,
          () => undefined,
        );
      } else handle(p, id, 1, at);
    });

  const service = (p: ServicePlan) =>
    add(p.filedAt.getTime(), p.key, 'request', async () => {
      const at = p.filedAt.getTime();
      const s = p.department === 'ENGINEERING' ? 'demo-department-staff' : staff(p.department);
      const req = await gql(token('demo-front-desk'), `mutation($i: RequestServiceInput!) { requestService(input: $i) { id } }`, {
        i: {
          kind: p.kind,
          siteId: p.siteId,
          customerId: p.customer.id,
          unitId: p.customer.unitId,
          channel: 'PHONE',
          description: p.description,
          department: p.department,
          category: p.category,
          ...(p.priceYuan ? { agreedPriceYuan: p.priceYuan } : {}),
          idempotencyKey: p.key,
        },
      });
      add(at + p.respondAfterH * H, p.key, 'respond', async () => {
        const order = await await_(
          'its service order',
          async () => (await gql(token(s), `query($id: ID!) { serviceOrder(serviceId: $id) { id } }`, { id: req.id })) ?? undefined,
        );
        const t = at + p.respondAfterH * H;
        await gql(token(s), `mutation($i: RespondToServiceInput!) { respondToService(input: $i) { id } }`, {
          i: { serviceOrderId: order.id, handlerId: s, eta: new Date(t + 20 * H).toISOString(), customerInformed: contact(t) },
        });
        add(at + p.completeAfterH * H, p.key, 'complete', async () => {
          await gql(token(s), `mutation($i: CompleteServiceInput!) { completeService(input: $i) { id } }`, {
            i: {
              serviceOrderId: order.id,
              result: 'Done and tested.',
              customerSignature: `sheet-${p.key}.jpg`,
              ...(p.priceYuan ? { chargedYuan: p.priceYuan } : {}),
            },
          });
          callback(
            p.key,
            at + p.completeAfterH * H + 4 * H,
            async () =>
              (
                await gql(
                  token('demo-front-desk'),
                  `query($k: CallbackKind) { callbackWorklist(kind: $k) { id caseId assignee allowedMethods } }`,
                  { k: p.kind },
                )
              ).find((c: any) => c.caseId === req.id),
            p.level,
            p.kind === 'PAID_SERVICE',
            () => undefined,
          );
        });
      });
    });

  const survey = (p: SurveyPlan) =>
    add(p.at.getTime(), p.key, 'survey', async () => {
      const created = await gql(token('demo-quality'), `mutation($i: CreateSurveyInput!) { createSurvey(input: $i) { id } }`, {
        i: { siteId: p.siteId, kind: 'MONTHLY_VISIT', period: p.period, questions: p.questions },
      });
      for (const a of p.answers) {
        await gql(token('demo-quality'), `mutation($i: RecordSurveyResponseInput!) { recordSurveyResponse(input: $i) { id } }`, {
          i: {
            surveyId: created.id,
            customerId: a.customerId,
            answers: a.levels.map((satisfaction, question) => ({ question, satisfaction })),
            // a dissatisfied answer needs a follow-up plan with an owner and a due date (domain.md §4)
            followUps: a.levels.flatMap((l, question) =>
              l === 'DISSATISFIED'
                ? [
                    {
                      question,
                      plan: 'Visit the household and fix what they raised.',
                      ownerId: 'demo-quality',
                      dueAt: new Date(p.at.getTime() + 7 * 24 * H).toISOString(),
                    },
                  ]
                : [],
            ),
          },
        });
      }
    });

  for (const p of plans) {
    if (p.kind === 'complaint') complaint(p);
    else if (p.kind === 'survey') survey(p);
    else service(p);
  }

  const concurrency = run.concurrency ?? 6;
  while (queue.length) {
    const at = Math.min(...queue.map((s) => s.at));
    const due = queue.filter((s) => s.at === at);
    for (const s of due) queue.splice(queue.indexOf(s), 1);
    await setClocks(run.clocks, new Date(at));
    for (let i = 0; i < due.length; i += concurrency) {
      await Promise.all(
        due.slice(i, i + concurrency).map(async (s) => {
          try {
            await s.run();
          } catch (e) {
            failed.push({ key: s.key, step: s.step, reason: e instanceof Error ? e.message : String(e) });
          }
          steps++;
        }),
      );
    }
    run.onProgress?.(steps, total, new Date(at));
  }
  return {
    complaints: plans.filter((p) => p.kind === 'complaint').length,
    services: plans.filter((p) => p.kind === 'REPAIR' || p.kind === 'PAID_SERVICE').length,
    surveys: plans.filter((p) => p.kind === 'survey').length,
    steps,
    failed,
  };
}
