import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Channel, ContactSource, Department } from '@pc/contracts';

/**
 * One line of the contact log (与顾客沟通登记表): a contact with a customer by any department, what
 * was asked and answered. Written by hand (`recordContact`) and by the flows that contact customers.
 */
@Entity({ tableName: 'contact_log' })
@Unique({ properties: ['source', 'sourceId'] })
@Index({ properties: ['orgId', 'customerId', 'at'] })
@Index({ properties: ['orgId', 'siteId', 'department', 'at'] })
export class ContactLogEntry {
  @PrimaryKey({ type: 'string', length: 64 }) id: string;
  @Property({ type: 'string', length: 64 }) orgId: string;
  @Property({ type: 'string', length: 64 }) siteId: string;
  @Property({ type: 'string', length: 64, nullable: true }) customerId?: string | null;
  @Property({ type: 'string', length: 64, nullable: true }) caseId?: string | null;
  /** The department whose log it is in; null: customer service / the front desk. */
  @Property({ type: 'string', length: 32, nullable: true }) department?: Department | null;
  @Property({ type: 'string', length: 32 }) channel: Channel;
  @Property({ type: 'text', nullable: true }) asked?: string | null;
  @Property({ type: 'text' }) answered: string;
  @Property({ type: 'string', length: 64 }) by: string;
  @Property({ type: 'datetime' }) at: Date;
  @Property({ type: 'string', length: 16 }) source: ContactSource;
  @Property({ type: 'string', length: 100 }) sourceId: string;
}
