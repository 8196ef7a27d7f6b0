import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { Role } from '@pc/contracts';
import { TransactionalOutbox } from '@pc/messaging';
import { AuthUser, Clock, assertRole, invalidInput, scopeOf } from '@pc/platform';
import { Customer, Site, Unit } from '../registry/registry.entities';
import { checkHoldingDate } from './customer-rules';
import { HoldingRole, KeyCustomerReason, KeyCustomerTag, UnitHolding } from './customer.entities';

/** Who keeps customers' files: the desk, complaint representatives, area managers and the site head. */
export const FILE_KEEPERS = [Role.FRONT_DESK, Role.COMPLAINT_REP, Role.AREA_MANAGER, Role.SITE_HEAD] as const;
/** Who may tag and untag key customers (the desk reads the tag; it does not set it). */
export const KEY_CUSTOMER_TAGGERS = [Role.COMPLAINT_REP, Role.AREA_MANAGER, Role.SITE_HEAD, Role.QUALITY, Role.LEADERSHIP] as const;
/** The author of a tag a rule set by itself. */
export const SYSTEM_ACTOR = 'system';

/** A customer of the caller's organisation and granted sites; one refusal for absent and out of scope. */
export async function customerInScope(em: EntityManager, user: AuthUser, customerId: string): Promise<Customer> {
  const customer = await scopeOf(user).findOne(em, Customer, { id: customerId });
  if (!customer) throw invalidInput('customerId', `unknown customer ${customerId}`);
  return customer;
}

/** Units held (owner or tenant, move-in date): a customer's unit lies at the customer's own site. */
@Injectable()
export class RecordUnitHolding {
  constructor(
    private readonly tx: TransactionalOutbox,
    private readonly clock: Clock,
  ) {}

  execute(
    user: AuthUser,
    input: { customerId: string; unitId: string; role: HoldingRole; movedInOn: string; movedOutOn?: string | null },
  ): Promise<UnitHolding> {
    return this.tx.by(user).run(async (em) => {
      assertRole(user, FILE_KEEPERS);
      const customer = await customerInScope(em, user, input.customerId);
      const site = (await em.findOne(Site, { id: customer.siteId, orgId: user.org })) as Site;
      const unit = await em.findOne(Unit, { id: input.unitId });
      if (!unit || unit.siteId !== customer.siteId) {
        throw invalidInput(
          'unitId',
          `unit ${input.unitId} is not a unit of site ${customer.siteId}, where customer ${customer.id} belongs`,
        );
      }
      const now = this.clock.now();
      const movedInOn = checkHoldingDate('movedInOn', input.movedInOn, now, site.timeZone);
      const movedOutOn = input.movedOutOn ? checkHoldingDate('movedOutOn', input.movedOutOn, now, site.timeZone) : null;
      if (movedOutOn && movedOutOn < movedInOn) {
        throw invalidInput('movedOutOn', `moving out (${movedOutOn}) comes before moving in (${movedInOn})`);
      }
      const key = { customerId: customer.id, unitId: unit.id, role: input.role, movedInOn };
      const holding =
        (await em.findOne(UnitHolding, key)) ??
        em.create(UnitHolding, {
          id: randomUUID(),
          orgId: user.org,
          siteId: customer.siteId,
          ...key,
          recordedBy: user.sub,
          recordedAt: now,
        });
      holding.movedOutOn = movedOutOn;
      em.persist(holding);
      return holding;
    });
  }
}

/** Key customers (重点客户): one tag per reason, with a note; tagging again changes the note. */
@Injectable()
export class TagKeyCustomer {
  constructor(
    private readonly tx: TransactionalOutbox,
    private readonly clock: Clock,
  ) {}

  tag(user: AuthUser, input: { customerId: string; reason: KeyCustomerReason; note?: string | null }): Promise<KeyCustomerTag[]> {
    return this.tx.by(user).run(async (em) => {
      assertRole(user, KEY_CUSTOMER_TAGGERS);
      const customer = await customerInScope(em, user, input.customerId);
      await tagCustomer(em, customer, input.reason, user.sub, this.clock.now(), input.note ?? null);
      return em.find(KeyCustomerTag, { customerId: customer.id }, { orderBy: { reason: 'asc' } });
    });
  }

  untag(user: AuthUser, input: { customerId: string; reason: KeyCustomerReason }): Promise<KeyCustomerTag[]> {
    return this.tx.by(user).run(async (em) => {
      assertRole(user, KEY_CUSTOMER_TAGGERS);
      const customer = await customerInScope(em, user, input.customerId);
      const removed = await em.nativeDelete(KeyCustomerTag, { customerId: customer.id, reason: input.reason });
      if (!removed) throw invalidInput('reason', `customer ${customer.id} is not tagged ${input.reason}`);
      return em.find(KeyCustomerTag, { customerId: customer.id }, { orderBy: { reason: 'asc' } });
    });
  }
}

/** Tags a customer (or changes the note of the tag it has); the tag is persisted with the caller's transaction. */
export async function tagCustomer(
  em: EntityManager,
  customer: Pick<Customer, 'id' | 'orgId' | 'siteId'>,
  reason: KeyCustomerReason,
  by: string,
  at: Date,
  note: string | null,
): Promise<KeyCustomerTag> {
  const tag =
    (await em.findOne(KeyCustomerTag, { customerId: customer.id, reason })) ??
    em.create(KeyCustomerTag, {
      id: randomUUID(),
      orgId: customer.orgId,
      siteId: customer.siteId,
      customerId: customer.id,
      reason,
      taggedBy: by,
      taggedAt: at,
    });
  if (note !== null || !tag.note) tag.note = note;
  em.persist(tag);
  return tag;
}
