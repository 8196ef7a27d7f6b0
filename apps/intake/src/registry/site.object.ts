import { Directive, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Category, Department, Role } from '@pc/contracts';
import { CustomerKind } from './registry.entities';

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
  @Field(() => [String], {
    description: "The site's own days off (YYYY-MM-DD), on top of the national schedule (State Council, 2004–2026 known).",
  })
  holidays: string[];
  @Field(() => [String], { description: "The site's own weekend working days (YYYY-MM-DD), on top of the national 调休 days." })
  makeUpWorkdays: string[];
  @Field(() => [String], {
    description: 'Holidays on the same date every year (MM-DD), applied to a year the national schedule does not know yet.',
  })
  annualHolidays: string[];
  @Field(() => Int, { description: 'Minutes within which a repair request gets its response.' }) repairResponseMinutes: number;
  @Field(() => [AreaObject]) areas: AreaObject[];
}

@ObjectType('Unit')
export class UnitObject {
  @Field(() => ID) id: string;
  @Field(() => ID) siteId: string;
  @Field(() => ID) areaId: string;
  @Field() name: string;
  @Field(() => String, { nullable: true, description: 'The building it is in (set, or read from the name: "1号楼101室" → "1号楼").' })
  building?: string | null;
}

@ObjectType('Customer')
export class CustomerObject {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() phone: string;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => CustomerKind) kind: CustomerKind;
  @Field(() => ID) siteId: string;
  @Field(() => ID, { nullable: true }) unitId?: string | null;
}

@ObjectType('StaffUser')
export class StaffUserObject {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => [Role]) roles: Role[];
  @Field(() => Department, { nullable: true }) department?: Department | null;
  @Field(() => [ID]) sites: string[];
  @Field() active: boolean;
}

@ObjectType('RoutingRule')
export class RoutingRuleObject {
  @Field(() => Category) category: Category;
  @Field(() => [Department], { description: 'Lead first.' }) departments: Department[];
  @Field({ description: "true when the organisation kept domain.md's default." }) isDefault: boolean;
}
