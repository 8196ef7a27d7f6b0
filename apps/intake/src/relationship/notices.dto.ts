import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { DeliveryChannel } from '@pc/contracts';
import { trimString } from '@pc/platform';
import { PageInfo } from '@pc/subgraph';
import { NoticeKind, type ResidentNotice } from './relationship.entities';

registerEnumType(NoticeKind, { name: 'NoticeKind' });

@ObjectType('NoticeAudience')
export class NoticeAudienceObject {
  @Field() wholeSite: boolean;
  @Field(() => [ID]) areaIds: string[];
  @Field(() => [String]) buildings: string[];
  @Field(() => [ID]) unitIds: string[];
}

@ObjectType('Notice', { description: 'A notice to residents (告示/通知): its audience, when it shows, how it was sent and to whom.' })
export class NoticeObject {
  @Field(() => ID) id: string;
  @Field(() => ID) siteId: string;
  @Field(() => NoticeKind) kind: NoticeKind;
  @Field() title: string;
  @Field() body: string;
  @Field(() => NoticeAudienceObject) audience: NoticeAudienceObject;
  @Field(() => Int, { nullable: true, description: 'Units the audience came to (null: the whole site).' }) units?: number | null;
  @Field() startsAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) endsAt?: Date | null;
  @Field(() => [DeliveryChannel]) channels: DeliveryChannel[];
  @Field(() => [ID], { description: 'The customers it was sent to by SMS (each delivery’s outcome is in notify).' }) sentTo: string[];
  @Field(() => ID) publishedBy: string;
  @Field() publishedAt: Date;

  static from(n: ResidentNotice): NoticeObject {
    return {
      id: n.id,
      siteId: n.siteId,
      kind: n.kind,
      title: n.title,
      body: n.body,
      audience: n.audience,
      units: n.unitIds ? n.unitIds.length : null,
      startsAt: n.startsAt,
      endsAt: n.endsAt ?? null,
      channels: n.channels,
      sentTo: n.sentTo,
      publishedBy: n.publishedBy,
      publishedAt: n.publishedAt,
    };
  }
}

@ObjectType('NoticeEdge')
export class NoticeEdge {
  @Field() cursor: string;
  @Field(() => NoticeObject) node: NoticeObject;
}

@ObjectType('NoticeConnection')
export class NoticeConnection {
  @Field(() => [NoticeEdge]) edges: NoticeEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}

@InputType()
export class NoticeAudienceInput {
  @Field({ nullable: true, description: 'Every resident of the site.' }) @IsOptional() @IsBoolean() wholeSite?: boolean;
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(200) @IsString({ each: true }) areaIds?: string[];
  @Field(() => [String], { nullable: true, description: 'Buildings, as units name them (e.g. "1号楼").' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  buildings?: string[];
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(5000) @IsString({ each: true }) unitIds?: string[];
}

@InputType()
export class PublishNoticeInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) siteId: string;
  @Field(() => NoticeAudienceInput) @ValidateNested() @Type(() => NoticeAudienceInput) audience: NoticeAudienceInput;
  @Field(() => NoticeKind) @IsEnum(NoticeKind) kind: NoticeKind;
  @Field() @Transform(trimString) @IsString() @IsNotEmpty({ message: 'title must not be empty' }) @MaxLength(200) title: string;
  @Field() @Transform(trimString) @IsString() @IsNotEmpty({ message: 'body must not be empty' }) @MaxLength(4000) body: string;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Shown from (now when absent).' })
  @IsOptional()
  @IsDate()
  startsAt?: Date;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Shown until (open when absent).' })
  @IsOptional()
  @IsDate()
  endsAt?: Date;
  @Field(() => [DeliveryChannel], {
    nullable: true,
    description: 'SMS to each resident; WECOM, DINGTALK, FEISHU, WEBHOOK: the site’s group robots.',
  })
  @IsOptional()
  @IsArray()
  @IsEnum(DeliveryChannel, { each: true })
  channels?: DeliveryChannel[];
}

@ArgsType()
export class NoticesArgs {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) siteId: string;
  @Field(() => Int, { nullable: true, defaultValue: 50 }) @IsOptional() @IsInt() @Min(1) @Max(200) first?: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) after?: string;
}
