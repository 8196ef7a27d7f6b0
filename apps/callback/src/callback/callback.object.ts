import { Directive, Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Satisfaction } from '@pc/contracts';
import { Callback, CallbackMethod } from './callback.entity';
import { CallbackModule } from './callback.module';

registerEnumType(CallbackMethod, { name: 'CallbackMethod' });

/** The intake-owned Complaint, extended here with its callbacks. */
@ObjectType('Complaint', { registerIn: () => CallbackModule })
@Directive('@key(fields: "id")')
export class ComplaintRef {
  @Field(() => ID) id: string;
}

@ObjectType('Callback', { registerIn: () => CallbackModule })
@Directive('@key(fields: "id")')
export class CallbackObject {
  @Field(() => ID) id: string;
  @Field(() => ID) complaintId: string;
  @Field(() => ComplaintRef, { description: 'The complaint, resolved by intake through federation.' }) complaint: ComplaintRef;
  @Field(() => ID) siteId: string;
  @Field(() => Int) round: number;
  @Field(() => ID) assignee: string;
  @Field(() => [CallbackMethod]) allowedMethods: CallbackMethod[];
  @Field() dueAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) completedAt?: Date | null;
  @Field(() => CallbackMethod, { nullable: true }) method?: CallbackMethod | null;
  @Field(() => Satisfaction, { nullable: true }) satisfaction?: Satisfaction | null;

  static from(c: Callback): CallbackObject {
    return Object.assign(new CallbackObject(), {
      id: c.id,
      complaintId: c.complaintId,
      complaint: { id: c.complaintId },
      siteId: c.siteId,
      round: c.round,
      assignee: c.assignee,
      allowedMethods: c.allowedMethods,
      dueAt: c.dueAt,
      completedAt: c.completedAt,
      method: c.method,
      satisfaction: c.satisfaction,
    });
  }
}

