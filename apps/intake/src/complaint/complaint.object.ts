import { Directive, Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Category, Channel, Circumstance, ComplaintStatus, Department, Severity } from '@pc/contracts';
import type { Complaint } from './complaint.entity';

@ObjectType('SeverityChange', { description: 'One severity change and the rule behind it.' })
export class SeverityChangeObject {
  @Field(() => GraphQLISODateTime) at: Date;
  @Field(() => Severity) from: Severity;
  @Field(() => Severity) to: Severity;
  @Field({ description: 'REPEATED_UNRESOLVED (rule A) or UNRESOLVED_10_DAYS (rule D).' }) reason: string;
  @Field(() => ID, { nullable: true, description: 'The complaint whose filing revealed the repeat.' }) causedBy?: string | null;
}

@ObjectType('Complaint')
@Directive('@key(fields: "id")')
export class ComplaintObject {
  @Field(() => ID) id: string;
  @Field(() => ID) siteId: string;
  @Field(() => ID, { nullable: true }) areaId?: string | null;
  @Field(() => ID, { nullable: true }) unitId?: string | null;
  @Field(() => ID) customerId: string;
  @Field(() => ComplaintStatus) status: ComplaintStatus;
  @Field() valid: boolean;
  @Field(() => Severity) severity: Severity;
  @Field(() => Channel) channel: Channel;
  @Field(() => Category) category: Category;
  @Field() description: string;
  @Field() receivedAt: Date;
  @Field(() => ID) receivedBy: string;
  @Field(() => ID, { description: 'Who entered the record.' }) recordedBy: string;
  @Field(() => String, { nullable: true }) location?: string | null;
  @Field(() => [String]) attachments: string[];
  @Field(() => String, { nullable: true, description: 'Why an invalid complaint is invalid.' }) invalidReason?: string | null;
  @Field(() => String, { nullable: true, description: 'The reasoned reply (invalid) or the answer given on the spot.' }) reply?:
    string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) repliedAt?: Date | null;
  @Field(() => Channel, { nullable: true }) repliedVia?: Channel | null;
  @Field(() => ID, { nullable: true, description: 'The earlier complaint this one repeats (rule A).' }) repeatOf?: string | null;
  @Field({ description: 'The customer was a key customer when it was filed (重点客户).' }) keyCustomer: boolean;
  @Field(() => [SeverityChangeObject]) severityHistory: SeverityChangeObject[];
  @Field(() => GraphQLISODateTime, { nullable: true }) requestedReplyBy?: Date | null;
  @Field() serious: boolean;
  @Field() urgent: boolean;
  @Field(() => [Circumstance]) circumstances: Circumstance[];
  @Field(() => [Department], { description: 'Routed departments, lead first.' }) departments: Department[];
  @Field({ description: 'The REPLY deadline, or INVALID_REPLY for an invalid complaint.' }) replyDueAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) resolvedAt?: Date | null;

  static from(c: Complaint): ComplaintObject {
    return Object.assign(new ComplaintObject(), {
      id: c.id,
      siteId: c.siteId,
      areaId: c.areaId,
      unitId: c.unitId,
      customerId: c.customerId,
      status: c.status,
      valid: c.valid,
      severity: c.severity,
      channel: c.channel,
      category: c.category,
      description: c.description,
      receivedAt: c.receivedAt,
      receivedBy: c.receivedBy,
      recordedBy: c.recordedBy,
      location: c.location,
      attachments: c.attachments,
      invalidReason: c.invalidReason,
      reply: c.reply,
      repliedAt: c.repliedAt,
      repliedVia: c.repliedVia,
      repeatOf: c.repeatOf,
      keyCustomer: Boolean(c.keyCustomer),
      severityHistory: c.severityHistory.map((h) => ({ ...h, at: new Date(h.at), causedBy: h.causedBy ?? null })),
      requestedReplyBy: c.requestedReplyBy,
      serious: c.serious,
      urgent: c.urgent,
      circumstances: c.circumstances,
      departments: c.departments,
      replyDueAt: c.replyDueAt,
      resolvedAt: c.resolvedAt,
    });
  }
}
