import { Channel, ContactSource, CustomerContacted, type ContactMethod } from '@pc/contracts';
import type { EventWriter } from '@pc/messaging';
import type { WorkOrder } from './work-order.entity';

/**
 * A contact with the customer made while handling a work order, for the department's contact log
 * (与顾客沟通登记表), which intake keeps: `customer.contacted`, idempotent by `sourceId`.
 */
export function announceContact(
  events: EventWriter,
  wo: WorkOrder,
  c: { sourceId: string; via: ContactMethod; answered: string; by: string; at: Date },
): void {
  events.publish(CustomerContacted, {
    orgId: wo.orgId,
    siteId: wo.siteId,
    customerId: wo.customerId || undefined,
    caseId: wo.complaintId,
    department: wo.department,
    channel: Channel[c.via as keyof typeof Channel],
    answered: c.answered,
    by: c.by,
    at: c.at.toISOString(),
    source: ContactSource.WORK_ORDER,
    sourceId: c.sourceId,
  });
}
