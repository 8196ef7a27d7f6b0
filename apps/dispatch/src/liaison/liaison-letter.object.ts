import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Department } from '@pc/contracts';
import type { LiaisonLetter } from './liaison-letter.entity';

@ObjectType('LiaisonLetter')
export class LiaisonLetterObject {
  @Field(() => ID) id: string;
  @Field(() => ID) siteId: string;
  @Field(() => ID) complaintId: string;
  @Field(() => ID) workOrderId: string;
  @Field(() => Department, { nullable: true, description: 'None when the area manager sent it.' }) fromDepartment?: Department | null;
  @Field(() => Department) toDepartment: Department;
  @Field() body: string;
  @Field() dueAt: Date;
  @Field(() => ID) sentBy: string;
  @Field() sentAt: Date;
  @Field(() => String, { nullable: true }) answer?: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) answeredAt?: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the scheduler found it unanswered past its deadline.' })
  overdueAt?: Date | null;

  static from(l: LiaisonLetter): LiaisonLetterObject {
    return Object.assign(new LiaisonLetterObject(), l);
  }
}
