import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CustomerSaved, Role } from '@pc/contracts';
import { TransactionalOutbox } from '@pc/messaging';
import { assertRole, invalidInput, scopeOf } from '@pc/platform';
import type { SaveCustomerCommand } from './commands/registry.commands';
import { customerSavedOf, grantedSite, idUnavailable, owned } from './registry-rules';
import { Customer, Site, Unit } from './registry.entities';

/** Customers (owners and tenants): whoever takes complaints at a site the unit belongs to. Announced as `registry.customer_saved`. */
@Injectable()
export class SaveCustomer {
  constructor(private readonly tx: TransactionalOutbox) {}

  execute(c: SaveCustomerCommand): Promise<Customer> {
    const { actor: user } = c;
    return this.tx.by(user).run(async (em, events) => {
      assertRole(user, [Role.FRONT_DESK, Role.COMPLAINT_REP, Role.AREA_MANAGER, Role.SITE_HEAD]);
      const scope = scopeOf(user);
      let siteId = c.siteId;
      let areaId: string | null = null;
      if (c.unitId) {
        const unit = await em.findOne(Unit, { id: c.unitId });
        const site = unit ? await em.findOne(Site, { id: unit.siteId, orgId: user.org }) : null;
        if (!unit || !site) throw invalidInput('unitId', `unknown unit ${c.unitId}`);
        if (siteId && siteId !== site.id) throw invalidInput('siteId', `unit ${unit.id} lies at site ${site.id}`);
        siteId = site.id;
        areaId = unit.areaId;
      }
      if (!siteId) throw invalidInput('siteId', 'a customer without a unit needs the site they belong to');
      await grantedSite(em, user, siteId);
      const customer = await owned(em, Customer, c.id, user.org, 'id');
      // an existing customer is changed only by those who may see the site it belongs to now
      if (customer && !scope.covers(customer)) throw idUnavailable();
      const data = {
        id: customer?.id ?? c.id ?? randomUUID(),
        orgId: user.org,
        siteId,
        name: c.name,
        phone: c.phone,
        email: c.email ?? null,
        kind: c.kind,
        unitId: c.unitId ?? null,
      };
      const saved = customer ? em.assign(customer, data) : em.create(Customer, data);
      em.persist(saved);
      events.publish(CustomerSaved, customerSavedOf(saved, areaId));
      return saved;
    });
  }
}
