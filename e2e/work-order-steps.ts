/**
 * The handling steps of domain.md §3 as GraphQL calls, for specs that need a work order in a given
 * state: plan written by staff, signed off and assigned by the department head, progress with the
 * customer informed, resolved.
 */
export type GraphqlCall = (token: string, query: string, variables?: Record<string, unknown>) => Promise<{ data?: any; errors?: any[] }>;

export const WORK_ORDER_FIELDS = `id status severity round escalationLevel nextDueAt handlerId
  deadlines { clock dueAt metAt breachedAt cancelledAt round noticeId }`;

export async function ok(call: Promise<{ data?: any; errors?: any[] }>): Promise<any> {
  const r = await call;
  if (r.errors?.length) throw new Error(`GraphQL error: ${JSON.stringify(r.errors)}`);
  return Object.values(r.data ?? {})[0];
}

export interface Steps {
  gql: GraphqlCall;
  staff: string;
  head: string;
  handlerId?: string;
}

export const planAndAssign = async (
  { gql, staff, head, handlerId = 'demo-department-staff' }: Steps,
  workOrderId: string,
): Promise<any> => {
  await ok(
    gql(staff, `mutation($i: RecordHandlingPlanInput!) { recordHandlingPlan(input: $i) { id } }`, {
      i: { workOrderId, plan: 'Inspect and repair.' },
    }),
  );
  await ok(gql(head, `mutation($id: ID!) { signOffHandlingPlan(workOrderId: $id) { id } }`, { id: workOrderId }));
  return ok(
    gql(head, `mutation($i: AssignHandlerInput!) { assignHandler(input: $i) { ${WORK_ORDER_FIELDS} } }`, { i: { workOrderId, handlerId } }),
  );
};

export const informCustomer = (s: Steps, workOrderId: string, at: Date): Promise<any> =>
  ok(
    s.gql(s.staff, `mutation($i: RecordProgressInput!) { recordProgress(input: $i) { ${WORK_ORDER_FIELDS} } }`, {
      i: { workOrderId, note: 'Technician on the way.', customerInformed: { at: at.toISOString(), via: 'PHONE' } },
    }),
  );

export const resolve = (s: Steps, workOrderId: string, extra: Record<string, unknown> = {}): Promise<any> =>
  ok(
    s.gql(s.staff, `mutation($i: ResolveWorkOrderInput!) { resolveWorkOrder(input: $i) { ${WORK_ORDER_FIELDS} resolvedAt } }`, {
      i: {
        workOrderId,
        resolution: 'Replaced the door sensor.',
        cause: 'EQUIPMENT_FAILURE',
        causeAnalysis: 'Worn sensor',
        preventiveAction: 'Monthly check',
        ...extra,
      },
    }),
  );

/** Plan, sign-off, assignment, progress with the customer informed, resolution. */
export async function handleToResolution(s: Steps, workOrderId: string, informedAt = new Date()): Promise<any> {
  await planAndAssign(s, workOrderId);
  await informCustomer(s, workOrderId, informedAt);
  return resolve(s, workOrderId);
}
