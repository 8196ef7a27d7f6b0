import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { CustomerContacted } from '@pc/contracts';
import { EventConsumers, on } from '@pc/messaging';
import { logContact } from './contact-log';

/** Contacts made by dispatch and callback (`customer.contacted`) go into the contact log. */
@Injectable()
export class ContactLogConsumer implements OnApplicationBootstrap {
  constructor(private readonly consumers: EventConsumers) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start([on(CustomerContacted, async (p, _e, { em }) => void (await logContact(em, { ...p, at: new Date(p.at) })))]);
  }
}
