import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsDate,
  IsEnum,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { trimString } from '@pc/platform';
import { Category, Channel, Circumstance, Department } from '@pc/contracts';
import { ATTACHMENT_KEY } from '../../attachment/attachment-keys';

export const MAX_DESCRIPTION = 10_000;
export const MAX_ATTACHMENTS = 20;

@InputType({ description: 'A complaint as taken at intake, from any channel.' })
export class FileComplaintInput {
  @Field(() => ID)
  @Transform(trimString)
  @IsString()
  @IsNotEmpty({ message: 'siteId must not be empty' })
  @MaxLength(64)
  siteId: string;

  @Field(() => ID, { nullable: true, description: 'None for a public area.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  unitId?: string;

  @Field(() => ID, { nullable: true, description: 'The area of a public space, when there is no unit.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  areaId?: string;

  @Field({ nullable: true, description: 'Where in a public area (e.g. "car park B2, bay 41").' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  location?: string;

  @Field(() => ID, { nullable: true, description: 'A known customer; otherwise give customerName and customerPhone.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  customerId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  customerName?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Matches(/^\+?[0-9][0-9 -]{4,30}$/, { message: 'customerPhone must be a phone number' })
  customerPhone?: string;

  @Field(() => Channel)
  @IsEnum(Channel)
  channel: Channel;

  @Field(() => Category)
  @IsEnum(Category)
  category: Category;

  @Field()
  @Transform(trimString)
  @IsString()
  @IsNotEmpty({ message: 'description must not be empty' })
  @MaxLength(MAX_DESCRIPTION, { message: `description must be at most ${MAX_DESCRIPTION} characters` })
  description: string;

  @Field({ nullable: true, description: 'When the customer raised it, for a record entered late; never in the future.' })
  @IsOptional()
  @IsDate()
  receivedAt?: Date;

  @Field({ nullable: true, description: 'The reply time the customer asked for; takes precedence over urgency.' })
  @IsOptional()
  @IsDate()
  requestedReplyBy?: Date;

  @Field({ nullable: true, defaultValue: false })
  @IsOptional()
  @IsBoolean()
  serious?: boolean;

  @Field({ nullable: true, defaultValue: false })
  @IsOptional()
  @IsBoolean()
  urgent?: boolean;

  @Field(() => [Circumstance], { nullable: true, description: 'Rules A–C: any one makes the complaint major.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(3)
  @IsEnum(Circumstance, { each: true })
  circumstances?: Circumstance[];

  @Field(() => ID, {
    nullable: true,
    description: 'The staff member who took the case, when not the caller (a paper record typed in later).',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  receivedBy?: string;

  @Field(() => [String], {
    nullable: true,
    description: `Keys of photos or scans uploaded with POST /attachments?siteId= for this site (answer's \`key\`); at most ${MAX_ATTACHMENTS}.`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ATTACHMENTS, { message: `attachments must hold at most ${MAX_ATTACHMENTS} references` })
  @IsString({ each: true })
  @IsNotEmpty({ each: true, message: 'attachments must not hold an empty reference' })
  @MaxLength(500, { each: true, message: 'each attachment reference must be at most 500 characters' })
  @Matches(ATTACHMENT_KEY, {
    each: true,
    message: 'each attachment must be a key answered by POST /attachments (<organisation>/<site>/<uuid>.<ext>), not a URL',
  })
  attachments?: string[];

  @Field({
    nullable: true,
    defaultValue: true,
    description: 'false for an invalid or unreasonable complaint (无理投诉); give invalidReason.',
  })
  @IsOptional()
  @IsBoolean()
  valid?: boolean;

  @Field({ nullable: true, description: 'Why the complaint is invalid; the basis of the reasoned reply owed within 1 working day.' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  invalidReason?: string;

  @Field({ nullable: true, description: 'The answer given on the spot: the complaint is recorded as resolved at intake.' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_DESCRIPTION)
  resolution?: string;

  @Field(() => ID, { nullable: true, description: 'An earlier complaint of the same customer about the same matter (rule A).' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  repeatOf?: string;

  @Field(() => [Department], { nullable: true, description: 'Departments to work with the lead department (co-handlers).' })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(6)
  @IsEnum(Department, { each: true })
  coDepartments?: Department[];

  @Field({ nullable: true, description: 'The same key twice returns the same complaint.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  idempotencyKey?: string;
}
