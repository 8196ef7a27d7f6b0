import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { ComplaintFiled, ComplaintResolvedAtIntake, ResidentMessageRequested } from '@pc/contracts';
import { EventConsumers, on, type EventWriter } from '@pc/messaging';
import { Clock, ServiceConfig } from '@pc/platform';
import { Complaint } from '../complaint/complaint.entity';
import { Customer } from '../registry/registry.entities';
import { ResidentLink } from './resident.entities';
import { caseLinkId, residentLinkSecret, signLink } from './resident-token';

export type CaseMoment = 'FILED' | 'RESOLVED';

const TEXT: Record<CaseMoment, (ref: string) => { title: string; body: string }> = {
  FILED: (ref) => ({
    title: `您的投诉已受理 / Your case ${ref} was received`,
    body: `您的投诉（编号 ${ref}）已受理，可在此查看进度。Your case ${ref} was received: follow it here.`,
  }),
  RESOLVED: (ref) => ({
    title: `您的投诉已处理完毕 / Your case ${ref} is resolved`,
    body: `您的投诉（编号 ${ref}）已处理完毕，请确认并评价。Your case ${ref} is resolved: please confirm and rate it.`,
  }),
};

/**
 * The case's live link (the same one until revoked), made now when there is none. Its id is derived
 * (`caseLinkId` of the case and how many of its links were revoked) and inserted with ON CONFLICT DO
 * NOTHING: the desk asking for the link while the filing's SMS is being sent makes one link, not two.
 */
export async function liveLink(em: EntityManager, complaint: Complaint, by: string, at: Date, secret: string): Promise<ResidentLink> {
  const live = await em.findOne(ResidentLink, { complaintId: complaint.id, revokedAt: null }, { orderBy: { createdAt: 'desc' } });
  if (live) return live;
  // n counts the revoked links only: a link another caller committed after the read above is live, so it
  // is not counted, and this caller derives the same id and gets that row (counting it made a second link)
  const revoked = await em.count(ResidentLink, { complaintId: complaint.id, revokedAt: { $ne: null } });
  const id = caseLinkId(secret, complaint.id, revoked);
  await em.upsert(
    ResidentLink,
    {
      id,
      orgId: complaint.orgId,
      siteId: complaint.siteId,
      complaintId: complaint.id,
      customerId: complaint.customerId,
      createdBy: by,
      createdAt: at,
    },
    { onConflictFields: ['id'], onConflictAction: 'ignore' },
  );
  return em.findOneOrFail(ResidentLink, { id }, { refresh: true });
}

/** A case link is sent only while its moment is news: a record filed or resolved more than this long ago (an import of old paper forms, the demo's history) texts nobody. */
export const CASE_LINK_NEWS_MS = 24 * 3_600_000;

/** Rule: the link goes out for a filing or resolution of the last 24 hours, never for an old record entered now. */
export const linkStillNews = (momentAt: Date, now: Date): boolean => now.getTime() - momentAt.getTime() <= CASE_LINK_NEWS_MS;

/** The short reference a resident quotes (the resident page shows the same). */
export const caseReference = (complaintId: string): string => complaintId.replace(/-/g, '').slice(-8).toUpperCase();

/**
 * Rule (issue 30): the case's resident link is sent by SMS to its customer when the case is filed and
 * when it is resolved (notify sends it; the link is the live one, made now if there is none). Once per
 * moment: the source key names the case and the moment (the resolution's time), and notify keeps one
 * message per source and recipient. `RESIDENT_LINK_SMS=false` sends nothing. A customer without a
 * number is not sent anything; the link never goes to a group. In the caller's transaction.
 */
export async function sendCaseLink(
  em: EntityManager,
  events: EventWriter,
  config: ServiceConfig,
  now: Date,
  c: { complaintId: string; orgId: string },
  moment: CaseMoment,
  momentAt: Date,
): Promise<void> {
  if (config.RESIDENT_LINK_SMS !== 'true' || !linkStillNews(momentAt, now)) return;
  const complaint = await em.findOne(Complaint, { id: c.complaintId, orgId: c.orgId });
  if (!complaint?.customerId) return;
  const customer = await em.findOne(Customer, { id: complaint.customerId, orgId: c.orgId });
  if (!customer?.phone) return;
  const link = await liveLink(em, complaint, 'system', now, residentLinkSecret(config));
  const ref = caseReference(complaint.id);
  const when = moment === 'RESOLVED' ? `:${(complaint.resolvedAt ?? now).toISOString()}` : '';
  events.publish(ResidentMessageRequested, {
    orgId: complaint.orgId,
    siteId: complaint.siteId,
    sourceKey: `case-link:${complaint.id}:${moment}${when}`,
    complaintId: complaint.id,
    ...TEXT[moment](ref),
    link: `${config.PUBLIC_URL.replace(/\/$/, '')}/r/${signLink(link.id, residentLinkSecret(config))}`,
    recipients: [{ customerId: customer.id, phone: customer.phone }],
    siteChannels: [],
    at: now.toISOString(),
  });
}

/** Filed, and resolved on the spot: the link goes out (resolved by a department: intake's ComplaintResolved handler sends it). */
@Injectable()
export class ResidentLinkMessages implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly clock: Clock,
    private readonly config: ServiceConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start([
      on(ComplaintFiled, async (p, _e, { em, events }) =>
        sendCaseLink(em, events, this.config, this.clock.now(), p, 'FILED', new Date(p.receivedAt)),
      ),
      on(ComplaintResolvedAtIntake, async (p, _e, { em, events }) =>
        sendCaseLink(em, events, this.config, this.clock.now(), p, 'RESOLVED', new Date(p.resolvedAt)),
      ),
    ]);
  }
}
