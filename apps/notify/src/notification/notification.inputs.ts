import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { DeliveryChannel, NotificationKind } from '@pc/contracts';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

@ArgsType()
export class MyNotificationsArgs {
  @Field({ nullable: true }) @IsOptional() @IsBoolean() unreadOnly?: boolean;
  @Field(() => Int, { nullable: true, defaultValue: 20 }) @IsOptional() @IsInt() @Min(1) @Max(100) first?: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) after?: string;
}

@InputType()
export class SetNotificationChannelInput {
  @Field(() => ID) @IsString() @IsNotEmpty() siteId: string;
  @Field(() => DeliveryChannel) @IsEnum(DeliveryChannel) channel: DeliveryChannel;
  @Field({ description: "An e-mail address, a phone number, or a robot's webhook URL (https)." })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  target: string;
  @Field({
    nullable: true,
    description: "The robot's signing secret (DingTalk, Feishu, webhook): at least 16 characters; never read back.",
  })
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'secret must be at least 16 characters' })
  @MaxLength(200)
  secret?: string;
  @Field(() => [NotificationKind])
  @IsArray()
  @ArrayNotEmpty({ message: 'kinds must not be empty' })
  @IsEnum(NotificationKind, { each: true })
  kinds: NotificationKind[];
}

@InputType()
export class KindChannelsInput {
  @Field(() => NotificationKind) @IsEnum(NotificationKind) kind: NotificationKind;
  @Field(() => [DeliveryChannel]) @IsArray() @ArrayMaxSize(7) @IsEnum(DeliveryChannel, { each: true }) channels: DeliveryChannel[];
}

@InputType()
export class NotificationPreferencesInput {
  @Field(() => [KindChannelsInput], { nullable: true, description: 'Channels per kind, in the order they are tried.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => KindChannelsInput)
  channels?: KindChannelsInput[];
  @Field({ nullable: true, description: 'HH:MM; with quietEnd: outside channels wait (urgent kinds do not).' })
  @IsOptional()
  @Matches(HHMM, { message: 'quietStart must be a time HH:MM' })
  quietStart?: string;
  @Field({ nullable: true }) @IsOptional() @Matches(HHMM, { message: 'quietEnd must be a time HH:MM' }) quietEnd?: string;
  @Field({ nullable: true, description: 'IANA time zone of the quiet hours (default Asia/Shanghai).' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string;
  @Field({ nullable: true, description: 'Mobile number for SMS (+86 or 11 digits).' })
  @IsOptional()
  @Matches(/^(\+?86)?1\d{10}$/, { message: 'phone must be a mobile number (11 digits, optionally +86)' })
  phone?: string;
}

@InputType()
export class NotificationPolicyInput {
  @Field(() => NotificationKind) @IsEnum(NotificationKind) kind: NotificationKind;
  @Field(() => Int, { description: 'Minutes to acknowledge before the next person is told.' })
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  ackWithinMinutes: number;
}
