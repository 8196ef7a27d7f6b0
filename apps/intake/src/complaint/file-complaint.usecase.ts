import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { ComplaintFiled, ComplaintStatus } from '@pc/contracts';
import { TransactionalOutbox, type EventWriter } from '@pc/messaging';
import { AuthUser, Clock, assertSite, conflict, invalidInput } from '@pc/platform';
import { Area, Customer, CustomerKind, Site, Unit } from '../registry/registry.entities';
import { severityOf, replyDueAt } from './classification';
import { Complaint } from './complaint.entity';
import type { FileComplaintInput } from './dto/file-complaint.input';
import { routeComplaint } from './routing';

/** Records older than this are refused: complaint records are kept two years (domain.md §5). */
const MAX_AGE_MS = 2 * 365 * 24 * 3_600_000;

function inputHash(input: FileComplaintInput): string {
  const canonical = JSON.stringify(input, Object.keys(input).sort());
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Records a complaint from any channel (domain.md §1), classifies it (§2 severity and urgency),
 * routes it (§2 routing) and announces `complaint.filed` in the same transaction.
 */
@Injectable()
export class FileComplaint {
  constructor(
    private readonly tx: TransactionalOutbox,
    private readonly clock: Clock,
  ) {}

  async execute(user: AuthUser, input: FileComplaintInput): Promise<Complaint> {
    const hash = inputHash(input);
    try {
      return await this.tx.run((em, events) => this.file(em, events, user, input, hash));
    } catch (e) {
      // two requests with one idempotency key raced: the loser returns the winner's complaint
      if (e instanceof UniqueConstraintViolationException && input.idempotencyKey) {
        return this.tx.run(async (em) => {
          const existing = await this.byKey(em, user.org, input.idempotencyKey as string, hash);
          if (!existing) throw e;
          return existing;
        });
      }
      throw e;
    }
  }

  private async byKey(em: EntityManager, orgId: string, key: string, hash: string): Promise<Complaint | null> {
    const existing = await em.findOne(Complaint, { orgId, idempotencyKey: key });
    if (existing && existing.inputHash !== hash) {
      throw conflict('this idempotency key was used for a different complaint', 'idempotencyKey');
    }
    return existing;
  }

  private async file(
    em: EntityManager,
    events: EventWriter,
    user: AuthUser,
    input: FileComplaintInput,
    hash: string,
  ): Promise<Complaint> {
    if (input.idempotencyKey) {
      const existing = await this.byKey(em, user.org, input.idempotencyKey, hash);
      if (existing) return existing;
    }
    const now = this.clock.now();

    const site = await em.findOne(Site, { id: input.siteId, orgId: user.org });
    if (!site) throw invalidInput('siteId', `unknown site ${input.siteId}`);
    assertSite(user, site.id);

    let unit: Unit | null = null;
    if (input.unitId) {
      unit = await em.findOne(Unit, { id: input.unitId, siteId: site.id });
      if (!unit) throw invalidInput('unitId', `unit ${input.unitId} is not a unit of site ${site.id}`);
    }
    const area = unit ? await em.findOne(Area, { id: unit.areaId }) : null;

    const customer = await this.customerFor(em, user, input, unit);

    const receivedAt = input.receivedAt ?? now;
    if (receivedAt.getTime() > now.getTime()) throw invalidInput('receivedAt', 'must not be in the future');
    if (now.getTime() - receivedAt.getTime() > MAX_AGE_MS) {
      throw invalidInput('receivedAt', 'must be within the last two years');
    }
    if (input.requestedReplyBy && input.requestedReplyBy.getTime() <= receivedAt.getTime()) {
      throw invalidInput('requestedReplyBy', 'must be after receivedAt');
    }

    const circumstances = [...new Set(input.circumstances ?? [])];
    const complaint = em.create(Complaint, {
      id: randomUUID(),
      orgId: user.org,
      siteId: site.id,
      areaId: area?.id ?? null,
      unitId: unit?.id ?? null,
      customerId: customer.id,
      channel: input.channel,
      category: input.category,
      description: input.description,
      receivedAt,
      receivedBy: user.sub,
      requestedReplyBy: input.requestedReplyBy ?? null,
      serious: input.serious ?? false,
      urgent: input.urgent ?? false,
      circumstances,
      severity: severityOf(circumstances),
      valid: true,
      status: ComplaintStatus.OPEN,
      departments: routeComplaint(input.category),
      replyDueAt: replyDueAt({
        receivedAt,
        urgent: input.urgent ?? false,
        requestedReplyBy: input.requestedReplyBy,
        calendar: { timeZone: site.timeZone, holidays: site.holidays, makeUpWorkdays: site.makeUpWorkdays },
      }),
      idempotencyKey: input.idempotencyKey ?? null,
      inputHash: hash,
      createdAt: now,
      resolvedAt: null,
    });
    em.persist(complaint);

    events.publish(ComplaintFiled, {
      orgId: complaint.orgId,
      siteId: complaint.siteId,
      complaintId: complaint.id,
      areaId: complaint.areaId ?? undefined,
      areaManagerId: area?.areaManagerId ?? undefined,
      unitId: complaint.unitId ?? undefined,
      customerId: complaint.customerId,
      channel: complaint.channel,
      category: complaint.category,
      severity: complaint.severity,
      circumstances: complaint.circumstances,
      serious: complaint.serious,
      urgent: complaint.urgent,
      departments: complaint.departments,
      receivedAt: complaint.receivedAt.toISOString(),
      receivedBy: complaint.receivedBy,
      replyDueAt: complaint.replyDueAt.toISOString(),
      timeZone: site.timeZone,
    });
    return complaint;
  }

  private async customerFor(em: EntityManager, user: AuthUser, input: FileComplaintInput, unit: Unit | null): Promise<Customer> {
    if (input.customerId) {
      const known = await em.findOne(Customer, { id: input.customerId, orgId: user.org });
      if (!known) throw invalidInput('customerId', `unknown customer ${input.customerId}`);
      return known;
    }
    if (!input.customerName) throw invalidInput('customerName', 'give customerId, or customerName and customerPhone');
    if (!input.customerPhone) throw invalidInput('customerPhone', 'a customer without an id needs a contact phone');
    const existing = await em.findOne(Customer, { orgId: user.org, phone: input.customerPhone, name: input.customerName });
    if (existing) return existing;
    const customer = em.create(Customer, {
      id: randomUUID(),
      orgId: user.org,
      name: input.customerName,
      phone: input.customerPhone,
      kind: CustomerKind.OTHER,
      unitId: unit?.id ?? null,
    });
    em.persist(customer);
    return customer;
  }
}
