import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';
import { RegistryModule } from './registry.module';

@ObjectType('Area', { registerIn: () => RegistryModule })
export class AreaObject {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => ID, { nullable: true }) areaManagerId?: string | null;
}

@ObjectType('Site', { registerIn: () => RegistryModule })
@Directive('@key(fields: "id")')
export class SiteObject {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() timeZone: string;
  @Field(() => [AreaObject]) areas: AreaObject[];
}
