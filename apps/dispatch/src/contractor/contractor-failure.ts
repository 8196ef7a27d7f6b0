import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { ContractorFailure, ContractorPenalized } from '@pc/contracts';
import type { EventWriter } from '@pc/messaging';
import { ContractorPenalty, type RectificationNotice } from './rectification.entity';

/**
 * domain.md §3: a contractor that refuses the notice, does not show up within 4 hours, misses the
 * deadline, does substandard work or does not return the notice is fined and the emergency repair
 * team is started. The first failure of a notice counts; the fine awaits its amount from the
 * coordinator (at least 5,000 yuan) and is kept for settlement.
 */
export function recordContractorFailure(
  em: EntityManager,
  events: EventWriter,
  notice: RectificationNotice,
  failure: ContractorFailure,
  at: Date,
): ContractorPenalty | undefined {
  if (notice.failure) return undefined;
  em.assign(notice, { failure, failedAt: at, emergencyRepairStartedAt: at });
  const penalty = em.create(ContractorPenalty, {
    id: randomUUID(),
    orgId: notice.orgId,
    siteId: notice.siteId,
    noticeId: notice.id,
    contractor: notice.contractor,
    failure,
    at,
  });
  em.persist(penalty);
  events.publish(ContractorPenalized, {
    orgId: notice.orgId,
    siteId: notice.siteId,
    penaltyId: penalty.id,
    noticeId: notice.id,
    contractor: notice.contractor,
    failure,
    at: at.toISOString(),
    workOrderId: notice.workOrderId,
  });
  return penalty;
}
