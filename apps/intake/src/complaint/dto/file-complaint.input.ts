import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { trimString } from '@pc/platform';
import {
  ArrayMaxSize,
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
import { Category, Channel, Circumstance } from '@pc/contracts';
import { ComplaintModule } from '../complaint.module';

export const MAX_DESCRIPTION = 10_000;

@InputType({ registerIn: () => ComplaintModule, description: 'A complaint as taken at intake, from any channel.' })
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

  @Field({ nullable: true, description: 'The same key twice returns the same complaint.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  idempotencyKey?: string;
}
