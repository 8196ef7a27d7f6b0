import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import type { EmergencyEvent } from './emergency.entity';

@ObjectType('EmergencyEvent')
export class EmergencyEventObject {
  @Field(() => ID) id: string;
  @Field(() => ID) siteId: string;
  @Field(() => ID, { nullable: true }) workOrderId?: string | null;
  @Field() description: string;
  @Field() occurredAt: Date;
  @Field(() => ID) reportedBy: string;
  @Field() reportedAt: Date;
  @Field(() => String, { nullable: true }) containment?: string | null;
  @Field(() => String, { nullable: true }) cause?: string | null;
  @Field(() => String, { nullable: true }) remedy?: string | null;
  @Field(() => String, { nullable: true }) prevention?: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) reviewedAt?: Date | null;

  static from(e: EmergencyEvent): EmergencyEventObject {
    return Object.assign(new EmergencyEventObject(), e);
  }
}
