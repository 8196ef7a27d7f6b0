import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Area')
export class AreaObject {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => ID, { nullable: true }) areaManagerId?: string | null;
}

@ObjectType('Site')
@Directive('@key(fields: "id")')
export class SiteObject {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() timeZone: string;
  @Field(() => [AreaObject]) areas: AreaObject[];
}
