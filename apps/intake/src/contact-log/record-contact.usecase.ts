import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ContactSource, CustomerContacted, type Channel } from '@pc/contracts';
import { TransactionalOutbox } from '@pc/messaging';
import { AuthUser, Clock, invalidInput, notInFuture } from '@pc/platform';
import { grantedSite } from '../registry/registry-rules';
import { Customer } from '../registry/registry.entities';
import { logContact } from './contact-log';
import type { ContactLogEntry } from './contact-log.entity';

export interface RecordContactCommand {
  actor: AuthUser;
  siteId: string;
  customerId: string;
  caseId?: string | null;
  channel: Channel;
  asked?: string | null;
  answered: string;
  at?: Date | null;
}

/**
 * Rule "every department keeps a contact log" (seeds/004: 必须各有一本与顾客沟通登记表): a contact
 * entered by hand, in the log of the caller's department (customer service when they have none), for a
 * customer of a site granted to them. Announced as `customer.contacted` so that the case's trail has it.
 */
@Injectable()
export class RecordContact {
  constructor(
    private readonly tx: TransactionalOutbox,
    private readonly clock: Clock,
  ) {}

  execute(c: RecordContactCommand): Promise<ContactLogEntry> {
    const user = c.actor;
    return this.tx.by(user).run(async (em, events) => {
      const site = await grantedSite(em, user, c.siteId);
      const customer = await em.findOne(Customer, { id: c.customerId, orgId: user.org, siteId: site.id });
      if (!customer) throw invalidInput('customerId', `unknown customer ${c.customerId} of site ${site.id}`);
      const now = this.clock.now();
      const contact = {
        orgId: user.org,
        siteId: site.id,
        customerId: customer.id,
        caseId: c.caseId ?? undefined,
        department: user.department,
        channel: c.channel,
        asked: c.asked ?? undefined,
        answered: c.answered,
        by: user.sub,
        source: ContactSource.MANUAL,
        sourceId: randomUUID(),
      };
      const at = notInFuture('at', c.at, now);
      const entry = (await logContact(em, { ...contact, at }))!;
      events.publish(CustomerContacted, { ...contact, at: at.toISOString() });
      return entry;
    });
  }
}
