import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { ContractorFailure } from '@pc/contracts';
import type { ContractorPenalty, RectificationNotice } from './rectification.entity';

@ObjectType('RectificationNotice')
export class RectificationNoticeObject {
  @Field(() => ID) id: string;
  @Field(() => ID) siteId: string;
  @Field(() => ID) workOrderId: string;
  @Field() contractor: string;
  @Field() defect: string;
  @Field(() => ID) issuedBy: string;
  @Field() issuedAt: Date;
  @Field() rectifyBy: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) arrivedAt?: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) returnedAt?: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) completedAt?: Date | null;
  @Field(() => ContractorFailure, { nullable: true }) failure?: ContractorFailure | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) emergencyRepairStartedAt?: Date | null;

  static from(n: RectificationNotice): RectificationNoticeObject {
    return Object.assign(new RectificationNoticeObject(), n);
  }
}

@ObjectType('ContractorPenalty', { description: 'A fine kept for settlement.' })
export class ContractorPenaltyObject {
  @Field(() => ID) id: string;
  @Field(() => ID) siteId: string;
  @Field(() => ID) noticeId: string;
  @Field() contractor: string;
  @Field(() => ContractorFailure) failure: ContractorFailure;
  @Field() at: Date;
  @Field(() => Int, { nullable: true, description: 'Whole yuan; null until the coordinator sets it.' }) amountYuan?: number | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) settledAt?: Date | null;

  static from(p: ContractorPenalty): ContractorPenaltyObject {
    return Object.assign(new ContractorPenaltyObject(), p);
  }
}
