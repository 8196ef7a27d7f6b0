import { ContactSource, CustomerContacted, channelOf, type ContactMethod, type Department } from '@pc/contracts';
import type { EventWriter } from '@pc/messaging';

/** The case a contact was about: a work order's complaint, or a repair work sheet's request. */
export interface ContactCase {
  orgId: string;
  siteId: string;
  customerId?: string | null;
  caseId: string;
  department: Department;
  source: ContactSource.WORK_ORDER | ContactSource.SERVICE;
}

/**
 * A contact with the customer made while handling a case, for the department's contact log
 * (与顾客沟通登记表), which intake keeps: `customer.contacted`, idempotent by `sourceId`.
 */
export function announceContact(
  events: EventWriter,
  k: ContactCase,
  c: { sourceId: string; via: ContactMethod; answered: string; by: string; at: Date },
): void {
  events.publish(CustomerContacted, {
    orgId: k.orgId,
    siteId: k.siteId,
    customerId: k.customerId || undefined,
    caseId: k.caseId,
    department: k.department,
    channel: channelOf(c.via),
    answered: c.answered,
    by: c.by,
    at: c.at.toISOString(),
    source: k.source,
    sourceId: c.sourceId,
  });
}

/** A work order as the case of a contact. */
export const workOrderCase = (wo: {
  orgId: string;
  siteId: string;
  customerId: string;
  complaintId: string;
  department: Department;
}): ContactCase => ({
  orgId: wo.orgId,
  siteId: wo.siteId,
  customerId: wo.customerId,
  caseId: wo.complaintId,
  department: wo.department,
  source: ContactSource.WORK_ORDER,
});
