import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CallbackKind, ContactSource, Department, ServiceRequested, type Category, type Channel } from '@pc/contracts';
import { TransactionalOutbox } from '@pc/messaging';
import { AuthUser, Clock, conflict, invalidInput, notInFuture, scopeOf } from '@pc/platform';
import { logContact } from '../contact-log/contact-log';
import { grantedSite } from '../registry/registry-rules';
import { routeComplaint } from '../complaint/routing';
import { Area, Customer, RoutingRule, Unit } from '../registry/registry.entities';
import { ServiceRequest, ServiceStatus } from './service-request.entity';

export interface RequestServiceCommand {
  actor: AuthUser;
  kind: CallbackKind;
  siteId: string;
  customerId: string;
  unitId?: string | null;
  channel: Channel;
  description: string;
  department?: Department | null;
  category?: Category | null;
  agreedPriceYuan?: number | null;
  receivedAt?: Date | null;
  idempotencyKey?: string | null;
}

/**
 * A repair or paid service from any channel (seeds/000 维修工作单, seeds/001 维修服务): recorded with its
 * place and customer, passed to the department that does it (the one named; else the organisation's
 * routing of its category; else engineering),
 * with the response due by the site's setting; a paid service carries the price agreed with the
 * customer (the callback checks it). The same key twice returns the same request.
 */
@Injectable()
export class RequestService {
  constructor(
    private readonly tx: TransactionalOutbox,
    private readonly clock: Clock,
  ) {}

  execute(c: RequestServiceCommand): Promise<ServiceRequest> {
    const user = c.actor;
    return this.tx.by(user, { channel: c.channel }).run(async (em, events) => {
      const site = await grantedSite(em, user, c.siteId);
      if (c.idempotencyKey) {
        const existing = await scopeOf(user).findOne(em, ServiceRequest, { idempotencyKey: c.idempotencyKey });
        if (existing) {
          if (existing.customerId !== c.customerId || existing.kind !== c.kind) {
            throw conflict('this idempotency key was used for a different request', 'idempotencyKey');
          }
          return existing;
        }
      }
      if (c.kind !== CallbackKind.REPAIR && c.kind !== CallbackKind.PAID_SERVICE) {
        throw invalidInput('kind', 'a service is a REPAIR or a PAID_SERVICE');
      }
      if (c.kind === CallbackKind.PAID_SERVICE && (c.agreedPriceYuan === null || c.agreedPriceYuan === undefined)) {
        throw invalidInput('agreedPriceYuan', 'a paid service needs the price agreed with the customer');
      }
      const customer = await em.findOne(Customer, { id: c.customerId, orgId: user.org, siteId: site.id });
      if (!customer) throw invalidInput('customerId', `unknown customer ${c.customerId} of site ${site.id}`);
      const unitId = c.unitId ?? customer.unitId ?? null;
      const unit = unitId ? await em.findOne(Unit, { id: unitId, siteId: site.id }) : null;
      if (unitId && !unit) throw invalidInput('unitId', `unknown unit ${unitId} of site ${site.id}`);
      const area = unit ? await em.findOne(Area, { id: unit.areaId }) : null;
      const now = this.clock.now();
      const receivedAt = notInFuture('receivedAt', c.receivedAt, now);
      const rule = c.category && !c.department ? await em.findOne(RoutingRule, { orgId: user.org, category: c.category }) : null;
      const department = c.department ?? (c.category ? routeComplaint(c.category, [], rule?.departments)[0] : Department.ENGINEERING);
      const request = em.create(ServiceRequest, {
        id: randomUUID(),
        orgId: user.org,
        siteId: site.id,
        areaId: area?.id ?? null,
        unitId: unit?.id ?? null,
        customerId: customer.id,
        kind: c.kind,
        channel: c.channel,
        department,
        description: c.description,
        agreedPriceYuan: c.agreedPriceYuan ?? null,
        receivedAt,
        receivedBy: user.sub,
        responseDueAt: new Date(receivedAt.getTime() + site.repairResponseMinutes * 60_000),
        status: ServiceStatus.REQUESTED,
        idempotencyKey: c.idempotencyKey ?? null,
      });
      em.persist(request);
      await logContact(
        em,
        {
          orgId: request.orgId,
          siteId: request.siteId,
          customerId: request.customerId,
          caseId: request.id,
          channel: request.channel,
          asked: request.description,
          answered: `${request.kind === CallbackKind.REPAIR ? 'Repair' : 'Paid service'} recorded and passed to ${request.department}; response by ${request.responseDueAt.toISOString()}`,
          by: user.sub,
          at: receivedAt,
          source: ContactSource.SERVICE,
          sourceId: request.id,
        },
        { fresh: true },
      );
      events.publish(ServiceRequested, {
        orgId: request.orgId,
        siteId: request.siteId,
        serviceId: request.id,
        kind: request.kind,
        customerId: request.customerId,
        unitId: request.unitId ?? undefined,
        areaId: request.areaId ?? undefined,
        areaManagerId: area?.areaManagerId ?? undefined,
        channel: request.channel,
        department: request.department,
        description: request.description,
        agreedPriceYuan: request.agreedPriceYuan ?? undefined,
        receivedAt: receivedAt.toISOString(),
        receivedBy: user.sub,
        responseDueAt: request.responseDueAt.toISOString(),
      });
      return request;
    });
  }
}
