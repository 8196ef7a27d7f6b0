import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/core';
import { ComplaintStatus, ResidentFeedbackGiven, Satisfaction, SlaClock } from '@pc/contracts';
import { TransactionalOutbox } from '@pc/messaging';
import { AuthUser, Clock, DomainError, ServiceConfig, conflict, invalidInput, scopeOf } from '@pc/platform';
import { Complaint } from '../complaint/complaint.entity';
import { UnitHolding } from '../customer/customer.entities';
import { Customer, Site } from '../registry/registry.entities';
import { ResidentNotice } from '../relationship/relationship.entities';
import { CaseProgress, ResidentFeedback, ResidentLink } from './resident.entities';
import {
  ResidentCaseObject,
  ResidentCaseStatus,
  type ResidentFeedbackInput,
  type ResidentNoticeObject,
  type ResidentStepObject,
} from './resident.dto';
import { liveLink, caseReference } from './resident-messages';
import { residentLinkSecret, signLink, verifyLink } from './resident-token';

const DAY = 86_400_000;
/** The lead work order's clocks a resident is shown besides the reply (intake's own): feedback, and the major case's agreed solution. */
const RESIDENT_CLOCKS = new Set<string>([SlaClock.FEEDBACK, SlaClock.SOLUTION_AGREED]);
/** One answer for a forged, altered, expired or revoked link: it cannot be probed. */
export const linkNotValid = () =>
  new DomainError('NOT_FOUND', 'this link is not valid (it may have expired): ask the service desk for a new one');

/** The resident page's links and answers (issue 30): signed tokens bound to one case and its customer. */
@Injectable()
export class ResidentCases {
  constructor(
    private readonly orm: MikroORM,
    private readonly tx: TransactionalOutbox,
    private readonly clock: Clock,
    private readonly config: ServiceConfig,
  ) {}

  private get secret(): string {
    return residentLinkSecret(this.config);
  }

  /** The case's link for its customer (the same one until revoked); staff who may see the case. */
  async link(user: AuthUser, complaintId: string): Promise<string> {
    return this.tx.by(user).run(async (em) => {
      const complaint = await scopeOf(user).load(em, Complaint, complaintId, 'complaint');
      const link = await liveLink(em, complaint, user.sub, this.clock.now(), this.secret);
      return `${this.config.PUBLIC_URL.replace(/\/$/, '')}/r/${signLink(link.id, this.secret)}`;
    });
  }

  /** Revokes every live link of the case; answers how many. */
  async revoke(user: AuthUser, complaintId: string): Promise<number> {
    return this.tx.by(user).run(async (em) => {
      const complaint = await scopeOf(user).load(em, Complaint, complaintId, 'complaint');
      return em.nativeUpdate(
        ResidentLink,
        { complaintId: complaint.id, revokedAt: null },
        { revokedAt: this.clock.now(), revokedBy: user.sub },
      );
    });
  }

  /** The link and its case, or one refusal for a forged, revoked or expired link. */
  private async open(em: EntityManager, token: string): Promise<{ link: ResidentLink; complaint: Complaint }> {
    const id = verifyLink(token, this.secret);
    const link = id ? await em.findOne(ResidentLink, { id }) : null;
    const complaint = link && !link.revokedAt ? await em.findOne(Complaint, { id: link.complaintId, orgId: link.orgId }) : null;
    if (!link || !complaint || complaint.customerId !== link.customerId) throw linkNotValid();
    // closed by the site head, or (an invalid complaint) by its reasoned reply; rows from before closedAt was kept: their resolution
    const closed =
      complaint.closedAt ?? (complaint.status === ComplaintStatus.CLOSED ? (complaint.resolvedAt ?? complaint.repliedAt) : null);
    if (closed && this.clock.now().getTime() > closed.getTime() + this.config.RESIDENT_LINK_DAYS * DAY) throw linkNotValid();
    return { link, complaint };
  }

  async caseView(token: string): Promise<ResidentCaseObject> {
    const em = this.orm.em.fork();
    const { complaint } = await this.open(em, token);
    return this.view(em, complaint);
  }

  /**
   * The customer confirms the resolution and/or rates it on the four levels, once per resolution
   * (a rating given twice: CONFLICT). The callback service takes the rating as the callback's result
   * when the callback is still owed; a DISSATISFIED one reopens the case as at a callback.
   */
  async feedback(token: string, input: ResidentFeedbackInput): Promise<ResidentCaseObject> {
    if (!input.confirmResolved && !input.satisfaction) throw invalidInput('satisfaction', 'confirm the resolution or rate it (or both)');
    return this.tx.by('resident').run(async (em, events) => {
      const { link, complaint } = await this.open(em, token);
      const resolvedAt = complaint.resolvedAt;
      if (
        !resolvedAt ||
        ![ComplaintStatus.RESOLVED, ComplaintStatus.RESOLVED_AT_INTAKE, ComplaintStatus.CLOSED].includes(complaint.status)
      ) {
        throw conflict('the case is not resolved yet: you can confirm and rate it once it is', 'confirmResolved');
      }
      const earlier = await em.find(ResidentFeedback, { complaintId: complaint.id, resolvedAt });
      if (input.satisfaction && earlier.some((f) => f.satisfaction)) throw conflict('this resolution was rated already', 'satisfaction');
      if (input.confirmResolved && earlier.some((f) => f.confirmedAt)) {
        throw conflict('this resolution was confirmed already', 'confirmResolved');
      }
      const now = this.clock.now();
      em.persist(
        em.create(ResidentFeedback, {
          id: randomUUID(),
          orgId: complaint.orgId,
          siteId: complaint.siteId,
          complaintId: complaint.id,
          customerId: complaint.customerId,
          linkId: link.id,
          resolvedAt,
          confirmedAt: input.confirmResolved ? now : null,
          satisfaction: input.satisfaction ?? null,
          comment: input.comment ?? null,
          at: now,
        }),
      );
      events.publish(ResidentFeedbackGiven, {
        orgId: complaint.orgId,
        siteId: complaint.siteId,
        complaintId: complaint.id,
        customerId: complaint.customerId,
        linkId: link.id,
        confirmResolved: Boolean(input.confirmResolved),
        satisfaction: input.satisfaction,
        comment: input.comment,
        resolvedAt: resolvedAt.toISOString(),
        at: now.toISOString(),
      });
      await em.flush();
      return this.view(em, complaint);
    });
  }

  /** Rule (domain.md §7): the notices showing now whose audience holds the customer's units (the case's, their own, those they hold). */
  private async noticesFor(em: EntityManager, c: Complaint): Promise<ResidentNoticeObject[]> {
    const now = this.clock.now();
    // one after the other: after an answer this runs in its transaction, whose statements share one connection
    const customer = await em.findOne(Customer, { id: c.customerId, orgId: c.orgId }, { fields: ['unitId'] });
    const holdings = await em.find(UnitHolding, { customerId: c.customerId, orgId: c.orgId, movedOutOn: null }, { fields: ['unitId'] });
    const live = await em.find(
      ResidentNotice,
      { orgId: c.orgId, siteId: c.siteId, startsAt: { $lte: now }, $or: [{ endsAt: null }, { endsAt: { $gt: now } }] },
      { orderBy: { startsAt: 'desc' }, limit: 50 },
    );
    const mine = new Set([c.unitId, customer?.unitId, ...holdings.map((h) => h.unitId)].filter((u): u is string => Boolean(u)));
    return live
      .filter((n) => !n.unitIds || n.unitIds.some((u) => mine.has(u)))
      .slice(0, 10)
      .map((n) => ({ kind: n.kind, title: n.title, body: n.body, startsAt: n.startsAt, endsAt: n.endsAt ?? null }));
  }

  private async view(em: EntityManager, c: Complaint): Promise<ResidentCaseObject> {
    const site = await em.findOne(Site, { id: c.siteId });
    const progress = await em.findOne(CaseProgress, { complaintId: c.id });
    const answers = c.resolvedAt
      ? await em.find(ResidentFeedback, { complaintId: c.id, resolvedAt: c.resolvedAt }, { orderBy: { at: 'asc' } })
      : [];
    const confirmedAt = answers.find((a) => a.confirmedAt)?.confirmedAt ?? null;
    const rated = answers.find((a) => a.satisfaction);
    const timeline: ResidentStepObject[] = [{ step: ResidentCaseStatus.RECEIVED, at: c.receivedAt }];
    const working = progress?.assignedAt ?? progress?.planSignedOffAt;
    if (working) timeline.push({ step: ResidentCaseStatus.DEPARTMENT_WORKING, at: working });
    if (progress?.solutionAgreedAt) timeline.push({ step: ResidentCaseStatus.SOLUTION_AGREED, at: progress.solutionAgreedAt });
    if (c.status === ComplaintStatus.REJECTED || (!c.valid && c.repliedAt)) {
      timeline.push({ step: ResidentCaseStatus.NOT_ACCEPTED, at: c.repliedAt ?? c.receivedAt });
    }
    if (c.resolvedAt) timeline.push({ step: ResidentCaseStatus.RESOLVED, at: c.resolvedAt });
    if (c.closedAt) timeline.push({ step: ResidentCaseStatus.CLOSED, at: c.closedAt });
    const resolved = [ComplaintStatus.RESOLVED, ComplaintStatus.RESOLVED_AT_INTAKE, ComplaintStatus.CLOSED].includes(c.status);
    const deadlines = [
      ...(c.valid ? [{ clock: SlaClock.REPLY, dueAt: c.replyDueAt, metAt: c.repliedAt ?? c.resolvedAt ?? null, breachedAt: null }] : []),
      ...(progress?.deadlines ?? [])
        .filter((d) => RESIDENT_CLOCKS.has(d.clock) && !d.cancelledAt)
        .map((d) => ({
          clock: d.clock as SlaClock,
          dueAt: new Date(d.dueAt),
          metAt: d.metAt ? new Date(d.metAt) : null,
          breachedAt: d.breachedAt ? new Date(d.breachedAt) : null,
        })),
    ];
    return {
      reference: caseReference(c.id),
      siteName: site?.name ?? '',
      category: c.category,
      description: c.description,
      status: statusOf(c, progress),
      receivedAt: c.receivedAt,
      timeline: timeline.sort((a, b) => a.at.getTime() - b.at.getTime()),
      deadlines,
      canConfirm: resolved && !confirmedAt,
      canRate: resolved && !rated,
      confirmedAt,
      rating: rated ? { satisfaction: rated.satisfaction as Satisfaction, comment: rated.comment ?? null, at: rated.at } : null,
      notices: await this.noticesFor(em, c),
    };
  }
}

function statusOf(c: Complaint, progress: CaseProgress | null): ResidentCaseStatus {
  switch (c.status) {
    case ComplaintStatus.REJECTED:
      return ResidentCaseStatus.NOT_ACCEPTED;
    case ComplaintStatus.CLOSED:
      return c.valid ? ResidentCaseStatus.CLOSED : ResidentCaseStatus.NOT_ACCEPTED;
    case ComplaintStatus.RESOLVED:
    case ComplaintStatus.RESOLVED_AT_INTAKE:
      return ResidentCaseStatus.RESOLVED;
    default:
      if (progress?.solutionAgreedAt) return ResidentCaseStatus.SOLUTION_AGREED;
      if (progress?.assignedAt ?? progress?.planSignedOffAt) return ResidentCaseStatus.DEPARTMENT_WORKING;
      return ResidentCaseStatus.RECEIVED;
  }
}
