import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { CallbackKind, ContactSource, Role, ServiceCompleted, type ContactMethod } from '@pc/contracts';
import { TransactionalOutbox, type EventWriter } from '@pc/messaging';
import { AuthUser, Clock, conflict, forbidden, inFuture, invalidInput, notInFuture, scopeOf } from '@pc/platform';
import { Directory } from '@pc/subgraph';
import { announceContact } from '../work-order/customer-contact';
import { canHandle, forUpdate } from '../work-order/work-order.access';
import { ServiceNote, ServiceOrder, ServiceOrderStatus } from './service-order.entity';

export interface CustomerTold {
  at?: Date | null;
  via: ContactMethod;
}
export interface RespondCommand {
  actor: AuthUser;
  serviceOrderId: string;
  handlerId: string;
  eta: Date;
  customerInformed: CustomerTold;
}
export interface ServiceProgressCommand {
  actor: AuthUser;
  serviceOrderId: string;
  note: string;
  newEta?: Date | null;
  customerInformed?: CustomerTold | null;
}
export interface CompleteServiceCommand {
  actor: AuthUser;
  serviceOrderId: string;
  result: string;
  customerSignature: string;
  chargedYuan?: number | null;
}

/** The longest a customer is told to wait for a repair. */
const MAX_ETA_MS = 90 * 24 * 3_600_000;

/**
 * Working a repair work sheet (seeds/001: 及时响应…告知维修进度和预计完成时间…将维修结果反馈给客服部门):
 * the response names the handler and tells the customer when to expect the work (RESPONSE met; ETA
 * starts); progress keeps the customer informed (a new ETA only once they are told); completion
 * records the result with the customer's own signature and the charge, and hands the case back to
 * customer service (`service.completed`), whose callback follows within 24 hours.
 */
@Injectable()
export class ServiceWork {
  constructor(
    private readonly tx: TransactionalOutbox,
    private readonly clock: Clock,
    private readonly directory: Directory,
  ) {}

  respond(c: RespondCommand): Promise<ServiceOrder> {
    return this.run(c.actor, c.serviceOrderId, async (em, events, o, now) => {
      if (o.status !== ServiceOrderStatus.RECEIVED) {
        throw conflict(`the work sheet was responded to at ${o.respondedAt?.toISOString()}`, 'serviceOrderId');
      }
      await this.directory.staff(
        em,
        c.actor,
        c.handlerId,
        { siteId: o.siteId, roles: [Role.DEPARTMENT_STAFF, Role.DEPARTMENT_HEAD], department: o.department, as: 'handler' },
        'handlerId',
      );
      const toldAt = notInFuture('customerInformed.at', c.customerInformed.at, now);
      inFuture('eta', c.eta, now, MAX_ETA_MS);
      em.assign(o, {
        status: ServiceOrderStatus.RESPONDED,
        handlerId: c.handlerId,
        respondedAt: toldAt,
        responseBreachedAt: o.responseBreachedAt ?? (toldAt > o.responseDueAt ? o.responseDueAt : null),
        etaAt: c.eta,
      });
      this.note(em, events, o, c.actor, now, `Responded: ${c.handlerId} will do it; expected by ${c.eta.toISOString()}`, {
        ...c.customerInformed,
        at: toldAt,
      });
    });
  }

  progress(c: ServiceProgressCommand): Promise<ServiceOrder> {
    return this.run(c.actor, c.serviceOrderId, (em, events, o, now) => {
      if (o.status !== ServiceOrderStatus.RESPONDED) {
        throw conflict(`cannot record progress while the work sheet is ${o.status}`, 'serviceOrderId');
      }
      if (c.newEta) {
        if (!c.customerInformed) throw invalidInput('customerInformed', 'a new expected time must be told to the customer');
        inFuture('newEta', c.newEta, now, MAX_ETA_MS);
        o.etaAt = c.newEta; // a promise already broken stays broken (etaBreachedAt is kept)
      }
      const told = c.customerInformed
        ? { ...c.customerInformed, at: notInFuture('customerInformed.at', c.customerInformed.at, now) }
        : null;
      this.note(em, events, o, c.actor, now, c.newEta ? `${c.note} (now expected by ${c.newEta.toISOString()})` : c.note, told);
      return Promise.resolve();
    });
  }

  complete(c: CompleteServiceCommand): Promise<ServiceOrder> {
    return this.run(c.actor, c.serviceOrderId, (em, events, o, now) => {
      if (o.status !== ServiceOrderStatus.RESPONDED) {
        throw conflict(
          `cannot complete while the work sheet is ${o.status}${o.status === ServiceOrderStatus.RECEIVED ? ': respond first' : ''}`,
          'serviceOrderId',
        );
      }
      if (o.kind === CallbackKind.PAID_SERVICE && (c.chargedYuan === null || c.chargedYuan === undefined)) {
        throw invalidInput('chargedYuan', 'a paid service records what was charged');
      }
      const etaKept = !o.etaBreachedAt && now.getTime() <= o.etaAt!.getTime();
      em.assign(o, {
        status: ServiceOrderStatus.COMPLETED,
        completedAt: now,
        completedBy: c.actor.sub,
        result: c.result,
        customerSignature: c.customerSignature,
        chargedYuan: c.chargedYuan ?? null,
        etaBreachedAt: etaKept ? null : (o.etaBreachedAt ?? o.etaAt),
      });
      this.note(em, events, o, c.actor, now, `Completed: ${c.result}`, null);
      events.publish(ServiceCompleted, {
        orgId: o.orgId,
        siteId: o.siteId,
        serviceId: o.serviceId,
        kind: o.kind,
        areaId: o.areaId ?? undefined,
        areaManagerId: o.areaManagerId ?? undefined,
        takenBy: o.takenBy,
        completedAt: now.toISOString(),
        department: o.department,
        customerId: o.customerId,
        chargedYuan: c.chargedYuan ?? undefined,
        etaKept,
        handledBy: [...new Set([o.handlerId, c.actor.sub].filter((id): id is string => !!id))],
      });
      return Promise.resolve();
    });
  }

  private run(
    user: AuthUser,
    id: string,
    work: (em: EntityManager, events: EventWriter, o: ServiceOrder, now: Date) => Promise<void>,
  ): Promise<ServiceOrder> {
    return this.tx.by(user).run(async (em, events) => {
      const o = await scopeOf(user).load(em, ServiceOrder, id, 'work sheet', { lockMode: forUpdate(em) });
      if (!canHandle(user, o) && !user.roles.includes(Role.ADMIN)) {
        throw forbidden(`only ${o.department} staff or the site's managers work on this sheet`);
      }
      await work(em, events, o, this.clock.now());
      return o;
    });
  }

  /** A note; when the customer was told, it is also a line of the department's contact log. */
  private note(
    em: EntityManager,
    events: EventWriter,
    o: ServiceOrder,
    user: AuthUser,
    now: Date,
    note: string,
    told: CustomerTold | null,
  ): void {
    const id = randomUUID();
    em.persist(
      em.create(ServiceNote, {
        id,
        serviceOrderId: o.id,
        note,
        by: user.sub,
        at: now,
        customerInformedAt: told?.at ?? null,
        customerInformedVia: told?.via ?? null,
      }),
    );
    if (!told) return;
    const k = { orgId: o.orgId, siteId: o.siteId, customerId: o.customerId, caseId: o.serviceId, department: o.department };
    announceContact(
      events,
      { ...k, source: ContactSource.SERVICE },
      { sourceId: id, via: told.via, answered: note, by: user.sub, at: told.at ?? now },
    );
  }
}
