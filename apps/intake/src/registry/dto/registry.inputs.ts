import { Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Category, Department, Role } from '@pc/contracts';
import { trimString } from '@pc/platform';
import { CustomerKind } from '../registry.entities';

registerEnumType(CustomerKind, { name: 'CustomerKind', description: 'Owner (业主), tenant (租户) or other.' });

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const ID_MESSAGE = 'must be 1–64 letters, digits, "_", "." or "-"';
export const PHONE_PATTERN = /^\+?[0-9][0-9 -]{4,30}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_DAY = /^\d{2}-\d{2}$/;

@InputType({ description: 'Creates a site, or updates it when the id exists.' })
export class SaveSiteInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @Matches(ID_PATTERN, { message: `id ${ID_MESSAGE}` }) id?: string;
  @Field() @Transform(trimString) @IsString() @IsNotEmpty({ message: 'name must not be empty' }) @MaxLength(200) name: string;
  @Field({ nullable: true, description: 'IANA time zone; Asia/Shanghai when not given.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string;
  @Field(() => [String], {
    nullable: true,
    description: "The site's own days off (YYYY-MM-DD) on top of mainland China's national schedule, which is built in.",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(400)
  @Matches(DATE, { each: true, message: 'holidays must be dates YYYY-MM-DD' })
  holidays?: string[];
  @Field(() => [String], { nullable: true, description: 'Weekend days that are working days (调休), YYYY-MM-DD.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(DATE, { each: true, message: 'makeUpWorkdays must be dates YYYY-MM-DD' })
  makeUpWorkdays?: string[];
  @Field(() => [String], {
    nullable: true,
    description: 'Holidays on the same date every year, MM-DD; mainland China default when not given.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(MONTH_DAY, { each: true, message: 'annualHolidays must be MM-DD' })
  annualHolidays?: string[];
  @Field(() => Int, { nullable: true, description: 'Minutes within which a repair request gets its response (default 30).' })
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(7 * 24 * 60)
  repairResponseMinutes?: number;
}

@InputType({ description: 'Creates an area (片区) of a site, or updates it.' })
export class SaveAreaInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @Matches(ID_PATTERN, { message: `id ${ID_MESSAGE}` }) id?: string;
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) siteId: string;
  @Field() @Transform(trimString) @IsString() @IsNotEmpty({ message: 'name must not be empty' }) @MaxLength(200) name: string;
  @Field(() => ID, { nullable: true, description: 'A staff user with the AREA_MANAGER role.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  areaManagerId?: string;
}

@InputType({ description: 'Creates a unit (单元 / 房屋) of a site, or updates it.' })
export class SaveUnitInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @Matches(ID_PATTERN, { message: `id ${ID_MESSAGE}` }) id?: string;
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) siteId: string;
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) areaId: string;
  @Field() @Transform(trimString) @IsString() @IsNotEmpty({ message: 'name must not be empty' }) @MaxLength(100) name: string;
  @Field(() => String, { nullable: true, description: 'The building (notices go to a building); unset: read from the name.' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(100)
  building?: string | null;
}

@InputType({ description: 'Creates a customer (owner or tenant), or updates it.' })
export class SaveCustomerInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @Matches(ID_PATTERN, { message: `id ${ID_MESSAGE}` }) id?: string;
  @Field() @Transform(trimString) @IsString() @IsNotEmpty({ message: 'name must not be empty' }) @MaxLength(200) name: string;
  @Field() @Transform(trimString) @IsString() @Matches(PHONE_PATTERN, { message: 'phone must be a phone number' }) phone: string;
  @Field({ nullable: true })
  @IsOptional()
  @Transform(trimString)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(200)
  email?: string;
  @Field(() => CustomerKind) @IsEnum(CustomerKind) kind: CustomerKind;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(64) unitId?: string;
  @Field(() => ID, { nullable: true, description: "The customer's site; required without unitId (a unit's site otherwise)." })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  siteId?: string;
}

@InputType({
  description: 'Creates a staff user with roles, department and granted sites, or updates it.',
})
export class SaveStaffUserInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @Matches(ID_PATTERN, { message: `id ${ID_MESSAGE}` }) id?: string;
  @Field() @Transform(trimString) @IsString() @IsNotEmpty({ message: 'name must not be empty' }) @MaxLength(200) name: string;
  @Field({ nullable: true })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Matches(PHONE_PATTERN, { message: 'phone must be a phone number' })
  phone?: string;
  @Field({ nullable: true, description: 'Where notifications are e-mailed (domain.md §6).' })
  @IsOptional()
  @Transform(trimString)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email?: string;
  @Field(() => [Role]) @IsArray() @ArrayNotEmpty({ message: 'roles must not be empty' }) @IsEnum(Role, { each: true }) roles: Role[];
  @Field(() => Department, { nullable: true, description: 'Required for department staff and heads.' })
  @IsOptional()
  @IsEnum(Department)
  department?: Department;
  @Field(() => [ID], { description: 'Granted site ids, or ["*"] for every site of the organisation.' })
  @IsArray()
  @ArrayNotEmpty({ message: 'sites must not be empty' })
  @ArrayMaxSize(500)
  @IsString({ each: true })
  sites: string[];
  @Field({ nullable: true, defaultValue: true }) @IsOptional() @IsBoolean() active?: boolean;
}

@InputType({ description: "The organisation's routing of one category: lead department first." })
export class SetRoutingInput {
  @Field(() => Category) @IsEnum(Category) category: Category;
  @Field(() => [Department], { description: 'Lead first, co-handlers after; an empty list restores the default of domain.md §2.' })
  @IsArray()
  @ArrayMaxSize(6)
  @IsEnum(Department, { each: true })
  departments: Department[];
}
