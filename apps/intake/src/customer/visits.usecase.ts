import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { CallbackKind, Channel, Role } from '@pc/contracts';
import { TransactionalOutbox } from '@pc/messaging';
import { AuthUser, Clock, assertRole, conflict, invalidInput, notInFuture, scopeOf } from '@pc/platform';
import { localMonth } from '@pc/calendar';
import { FileComplaint } from '../complaint/file-complaint.usecase';
import { InquiryDesk } from '../inquiry/inquiry.usecases';
import { grantedSite } from '../registry/registry-rules';
import { Customer } from '../registry/registry.entities';
import { ServiceRequest, ServiceStatus } from '../service-request/service-request.entity';
import { checkRaised, fileRaised, type RaisedItem } from './raised-items';
import { LARGE_REPAIR_YUAN, RANDOM_VISIT_GAP_DAYS, drawRandomVisits } from './customer-rules';
import { KeyCustomerTag, Visit, VisitKind, VisitStatus } from './customer.entities';

/** Who plans and records visits: complaint representatives, area managers and the site head. */
export const VISITORS = [Role.COMPLAINT_REP, Role.AREA_MANAGER, Role.SITE_HEAD] as const;
const DAY = 86_400_000;

const monthStart = (month: string) => new Date(`${month}-01T00:00:00Z`);
const previousMonth = (month: string) => {
  const d = monthStart(month);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
};

/**
 * Visits of a month (domain.md §7): every key customer door to door, a visit after every large repair
 * of the month before, and random phone return visits drawn from the site's customers not visited in
 * the last 90 days. Planning again adds only what is missing; the random draw is seeded by the site
 * and the month, so it is the same draw.
 */
@Injectable()
export class Visits {
  constructor(
    private readonly tx: TransactionalOutbox,
    private readonly clock: Clock,
    private readonly complaints: FileComplaint,
    private readonly inquiries: InquiryDesk,
  ) {}

  plan(user: AuthUser, input: { siteId: string; month: string; randomCount?: number | null }): Promise<Visit[]> {
    return this.tx.by(user).run(async (em) => {
      assertRole(user, VISITORS);
      const site = await grantedSite(em, user, input.siteId);
      const now = this.clock.now();
      if (input.month < localMonth(now, site.timeZone)) {
        throw invalidInput('month', `${input.month} is past: plan this month or a later one`);
      }
      const planned = await em.find(Visit, { siteId: site.id, month: input.month });
      const has = (customerId: string, kind: VisitKind) => planned.some((v) => v.customerId === customerId && v.kind === kind);
      const add = (customerId: string, kind: VisitKind, serviceRequestId: string | null = null) => {
        if (has(customerId, kind)) return;
        const v = em.create(Visit, {
          id: randomUUID(),
          orgId: user.org,
          siteId: site.id,
          customerId,
          month: input.month,
          kind,
          serviceRequestId,
          plannedBy: user.sub,
          plannedAt: now,
          status: VisitStatus.PLANNED,
          raised: [],
        });
        em.persist(v);
        planned.push(v);
      };
      for (const t of await em.find(KeyCustomerTag, { siteId: site.id, orgId: user.org }, { orderBy: { customerId: 'asc' } })) {
        add(t.customerId, VisitKind.KEY_CUSTOMER);
      }
      const before = previousMonth(input.month);
      const repairs = await em.find(ServiceRequest, {
        orgId: user.org,
        siteId: site.id,
        kind: CallbackKind.REPAIR,
        status: ServiceStatus.COMPLETED,
        chargedYuan: { $gte: LARGE_REPAIR_YUAN },
        completedAt: { $gte: monthStart(before), $lt: monthStart(input.month) },
      });
      for (const r of repairs) add(r.customerId, VisitKind.AFTER_REPAIR, r.id);
      const customers = await em.find(Customer, { orgId: user.org, siteId: site.id }, { fields: ['id'] });
      const since = new Date(monthStart(input.month).getTime() - RANDOM_VISIT_GAP_DAYS * DAY);
      const recent = await em.find(
        Visit,
        { siteId: site.id, status: VisitStatus.DONE, visitedAt: { $gte: since } },
        { fields: ['customerId'] },
      );
      const excluded = new Set([...recent.map((v) => v.customerId), ...planned.map((v) => v.customerId)]);
      const already = planned.filter((v) => v.kind === VisitKind.RANDOM_PHONE).length;
      const drawn = drawRandomVisits(
        customers.map((c) => c.id),
        excluded,
        Math.max(0, (input.randomCount ?? 10) - already),
        `${site.id}/${input.month}`,
      );
      for (const id of drawn) add(id, VisitKind.RANDOM_PHONE);
      return planned;
    });
  }

  /**
   * A visit recorded once (again: CONFLICT), with the customer's view; each thing raised becomes a case
   * linked to the visit: a complaint (channel VISIT; filed once whatever the retries), a suggestion or a
   * request (the inquiry desk's).
   */
  async record(
    user: AuthUser,
    input: { visitId: string; visitedAt?: Date | null; view: string; satisfaction?: string | null; raised?: RaisedItem[] | null },
  ): Promise<Visit> {
    assertRole(user, VISITORS);
    const visit = await this.tx.by(user).run(async (em) => this.open(em, user, input.visitId));
    const visitedAt = notInFuture('visitedAt', input.visitedAt, this.clock.now());
    const items = input.raised ?? [];
    checkRaised(items, 'raised');
    const raised = await fileRaised(
      { complaints: this.complaints, inquiries: this.inquiries },
      {
        actor: user,
        siteId: visit.siteId,
        channel: visit.kind === VisitKind.RANDOM_PHONE ? Channel.PHONE : Channel.VISIT,
        receivedAt: visitedAt,
        keyPrefix: `visit:${visit.id}`,
      },
      items.map((item) => ({ ...item, customerId: visit.customerId })),
    );
    return this.tx.by(user).run(async (em) => {
      const v = await this.open(em, user, input.visitId);
      Object.assign(v, {
        status: VisitStatus.DONE,
        visitedAt,
        visitedBy: user.sub,
        view: input.view,
        satisfaction: input.satisfaction ?? null,
        raised,
      });
      return v;
    });
  }

  private async open(em: EntityManager, user: AuthUser, visitId: string): Promise<Visit> {
    const visit = await scopeOf(user).findOne(em, Visit, { id: visitId });
    if (!visit) throw invalidInput('visitId', `unknown visit ${visitId}`);
    if (visit.status === VisitStatus.DONE) throw conflict(`visit ${visit.id} was recorded on ${visit.visitedAt?.toISOString()}`, 'visitId');
    return visit;
  }
}
