import type { EntityManager } from '@mikro-orm/core';
import { ComplaintSeverityChanged, Severity, type SeverityChangeReason } from '@pc/contracts';
import type { EventWriter } from '@pc/messaging';
import { Area } from '../registry/registry.entities';
import type { Complaint } from './complaint.entity';

/**
 * Makes a complaint major (domain.md §2 rules A and D), records the change in its history and
 * announces `complaint.severity_changed` so dispatch starts the major clocks. A complaint that is
 * already major is left as it is; returns whether anything changed.
 */
export async function upgradeToMajor(
  em: EntityManager,
  events: EventWriter,
  complaint: Complaint,
  reason: SeverityChangeReason,
  at: Date,
  causedBy?: string,
): Promise<boolean> {
  if (complaint.severity === Severity.MAJOR) return false;
  const from = complaint.severity;
  complaint.severity = Severity.MAJOR;
  complaint.severityHistory = [...complaint.severityHistory, { at: at.toISOString(), from, to: Severity.MAJOR, reason, causedBy }];
  const area = complaint.areaId ? await em.findOne(Area, { id: complaint.areaId }) : null;
  events.publish(ComplaintSeverityChanged, {
    orgId: complaint.orgId,
    siteId: complaint.siteId,
    complaintId: complaint.id,
    from,
    to: Severity.MAJOR,
    reason,
    changedAt: at.toISOString(),
    areaId: complaint.areaId ?? undefined,
    areaManagerId: area?.areaManagerId ?? undefined,
    causedBy,
  });
  return true;
}
