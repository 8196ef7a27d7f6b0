import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { CustomerContactedV1 } from '@pc/contracts';
import { Complaint } from '../complaint/complaint.entity';
import { ServiceRequest } from '../service-request/service-request.entity';
import { ContactLogEntry } from './contact-log.entity';

/** A contact to log: the event's fields with an instant. */
export type Contact = Omit<CustomerContactedV1, 'at'> & { at: Date };

/**
 * Writes a line of the contact log once per `source` + `sourceId` (a replayed event or a retried
 * write changes nothing). A contact that names a case but no customer is filed under the case's
 * customer (callback and dispatch know the case, intake knows who complained).
 */
export async function logContact(em: EntityManager, c: Contact, opts: { fresh?: boolean } = {}): Promise<ContactLogEntry | null> {
  // `fresh`: the source was created in this very transaction, so it cannot have been logged before
  if (!opts.fresh && (await em.findOne(ContactLogEntry, { source: c.source, sourceId: c.sourceId }))) return null;
  let customerId = c.customerId ?? null;
  if (!customerId && c.caseId) {
    const complaint = await em.findOne(Complaint, { id: c.caseId, orgId: c.orgId }, { fields: ['customerId'] });
    const service = complaint ? null : await em.findOne(ServiceRequest, { id: c.caseId, orgId: c.orgId }, { fields: ['customerId'] });
    customerId = complaint?.customerId ?? service?.customerId ?? null;
  }
  const entry = em.create(ContactLogEntry, {
    id: randomUUID(),
    orgId: c.orgId,
    siteId: c.siteId,
    customerId,
    caseId: c.caseId ?? null,
    department: c.department ?? null,
    channel: c.channel,
    asked: c.asked ?? null,
    answered: c.answered,
    by: c.by,
    at: c.at,
    source: c.source,
    sourceId: c.sourceId,
  });
  em.persist(entry);
  return entry;
}
