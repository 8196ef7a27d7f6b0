import { Directive, Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Category, Channel, Circumstance, ComplaintStatus, Department, Severity } from '@pc/contracts';
import type { Complaint } from './complaint.entity';
import { ComplaintModule } from './complaint.module';

@ObjectType('Complaint', { registerIn: () => ComplaintModule })
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
  @Field(() => GraphQLISODateTime, { nullable: true }) requestedReplyBy?: Date | null;
  @Field() serious: boolean;
  @Field() urgent: boolean;
  @Field(() => [Circumstance]) circumstances: Circumstance[];
  @Field(() => [Department], { description: 'Routed departments, lead first.' }) departments: Department[];
  @Field({ description: 'The REPLY deadline.' }) replyDueAt: Date;
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
