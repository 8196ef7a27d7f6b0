import { Directive, Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CallbackKind, Satisfaction } from '@pc/contracts';
import { Callback, CallbackMethod, CallbackStatus, PriceCheck, type CallbackAttempt } from './callback.entity';

registerEnumType(CallbackMethod, { name: 'CallbackMethod' });
registerEnumType(CallbackStatus, {
  name: 'CallbackStatus',
  description: 'OPEN (owed), DONE (reached), UNREACHABLE (attempts exhausted, escalated).',
});
registerEnumType(PriceCheck, { name: 'PriceCheck' });

/** The intake-owned Complaint, extended here with its callbacks. */
@ObjectType('Complaint')
@Directive('@key(fields: "id")')
export class ComplaintRef {
  @Field(() => ID) id: string;
}

@ObjectType('CallbackAttempt')
export class CallbackAttemptObject {
  @Field(() => CallbackMethod) method: CallbackMethod;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => ID) by: string;
  @Field() at: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) retryAt?: Date | null;

  static from(a: CallbackAttempt): CallbackAttemptObject {
    return Object.assign(new CallbackAttemptObject(), a);
  }
}

@ObjectType('Callback')
@Directive('@key(fields: "id")')
export class CallbackObject {
  @Field(() => ID) id: string;
  @Field(() => CallbackKind) kind: CallbackKind;
  @Field(() => ID, { description: 'The complaint, repair or paid service called back about.' }) caseId: string;
  @Field(() => ID, { nullable: true, description: 'Set for a complaint callback.' }) complaintId: string | null;
  @Field(() => ComplaintRef, { nullable: true, description: 'The complaint, resolved by intake through federation.' })
  complaint: ComplaintRef | null;
  @Field(() => ID) siteId: string;
  @Field(() => ID, { nullable: true }) areaId?: string | null;
  @Field(() => Int) round: number;
  @Field(() => ID) assignee: string;
  @Field(() => [CallbackMethod]) allowedMethods: CallbackMethod[];
  @Field() resolvedAt: Date;
  @Field() dueAt: Date;
  @Field(() => CallbackStatus) status: CallbackStatus;
  @Field(() => Int) attempts: number;
  @Field(() => GraphQLISODateTime, { nullable: true }) nextAttemptAt?: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was found past due without a result.' }) overdueAt?: Date | null;
  @Field(() => ID, { nullable: true, description: 'Who it was passed to (unreachable, or dissatisfied).' }) escalatedTo?: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) completedAt?: Date | null;
  @Field(() => CallbackMethod, { nullable: true }) method?: CallbackMethod | null;
  @Field(() => String, { nullable: true }) reached?: string | null;
  @Field(() => Satisfaction, { nullable: true }) serviceQuality?: Satisfaction | null;
  @Field(() => Satisfaction, { nullable: true }) attitude?: Satisfaction | null;
  @Field(() => PriceCheck, { nullable: true }) priceCheck?: PriceCheck | null;
  @Field(() => Satisfaction, { nullable: true }) satisfaction?: Satisfaction | null;
  @Field(() => String, { nullable: true }) shortcomings?: string | null;
  @Field(() => String, { nullable: true }) suggestions?: string | null;

  static from(c: Callback): CallbackObject {
    const o = Object.assign(new CallbackObject(), c);
    o.complaintId = c.kind === CallbackKind.COMPLAINT ? c.caseId : null;
    o.complaint = o.complaintId ? { id: o.complaintId } : null;
    return o;
  }
}

@ObjectType('CallbackCoverageRow', {
  description: 'Callbacks owed for the cases resolved in a month, in one site, area and kind.',
})
export class CoverageObject {
  @Field(() => ID) siteId: string;
  @Field(() => ID, { nullable: true }) areaId: string | null;
  @Field(() => CallbackKind) kind: CallbackKind;
  @Field(() => Int, { description: 'Resolutions owed a callback (a rework resolution counts again).' }) resolved: number;
  @Field(() => Int) onTime: number;
  @Field(() => Int) late: number;
  @Field(() => Int, { description: 'Attempts exhausted; escalated.' }) unreachable: number;
  @Field(() => Int, { description: 'Past due without a result.' }) missing: number;
  @Field(() => Int, { description: 'Not yet due.' }) pending: number;
  @Field(() => Number, { nullable: true, description: '(onTime + late) / resolved.' }) coverage: number | null;
}
