import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsDate, IsEnum, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { Channel } from '@pc/contracts';
import { trimString } from '@pc/platform';

@InputType({ description: 'The reasoned reply given to an invalid complaint (domain.md §1).' })
export class RecordInvalidReplyInput {
  @Field(() => ID)
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  complaintId: string;

  @Field({ description: 'What the customer was told, and why.' })
  @Transform(trimString)
  @IsString()
  @IsNotEmpty({ message: 'reply must not be empty' })
  @MaxLength(10_000)
  reply: string;

  @Field(() => Channel, { description: 'How the reply reached the customer.' })
  @IsEnum(Channel)
  repliedVia: Channel;

  @Field({ nullable: true, description: 'When the reply was given, if not now; never in the future.' })
  @IsOptional()
  @IsDate()
  repliedAt?: Date;

  @Field(() => ID, {
    nullable: true,
    description:
      'For a complaint that came as a letter: the member of company leadership who approved the reply (not needed when leadership records it).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  approvedBy?: string;
}
