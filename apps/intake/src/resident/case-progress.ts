import type { EntityManager } from '@mikro-orm/core';
import type { WorkOrderRecordedV1 } from '@pc/contracts';
import { CaseProgress } from './resident.entities';

/** The lead work order's record, newest revision wins (records may arrive in any order): what the resident page shows. */
export async function recordCaseProgress(em: EntityManager, p: WorkOrderRecordedV1): Promise<void> {
  if (!p.lead) return;
  const at = (iso?: string) => (iso ? new Date(iso) : null);
  const data = {
    orgId: p.orgId,
    siteId: p.siteId,
    workOrderId: p.workOrderId,
    revision: p.revision,
    planSignedOffAt: at(p.planSignedOffAt),
    assignedAt: at(p.assignedAt),
    solutionAgreedAt: at(p.solutionAgreedAt),
    resolvedAt: at(p.resolvedAt),
    deadlines: p.deadlines.filter((d) => (d.round ?? 1) === p.round),
  };
  const known = await em.findOne(CaseProgress, { complaintId: p.complaintId });
  if (!known) em.persist(em.create(CaseProgress, { complaintId: p.complaintId, ...data }));
  else if (known.workOrderId !== p.workOrderId || p.revision > known.revision) em.assign(known, data);
}
