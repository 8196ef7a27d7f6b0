import { Module } from '@nestjs/common';
import { ContactLogConsumer } from './contact-log.consumer';
import { ContactLogResolver } from './contact-log.resolver';
import { RecordContact } from './record-contact.usecase';

/** The contact log (与顾客沟通登记表): by hand, and from every flow that contacts a customer. */
@Module({ providers: [RecordContact, ContactLogResolver, ContactLogConsumer] })
export class ContactLogModule {}
