import { ArgsType, Directive, Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDate,
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
import { trimString } from '@pc/platform';
import { PageInfo } from '@pc/subgraph';
import { ComplaintObject } from '../complaint/complaint.object';
import { CustomerObject } from '../registry/site.object';
import { ServiceRequestObject } from '../service-request/service-request.dto';
import { VisitObject } from './visits.dto';
import { type Claim, ClaimDecision, HoldingRole, KeyCustomerReason, type KeyCustomerTag, type UnitHolding } from './customer.entities';

registerEnumType(KeyCustomerReason, { name: 'KeyCustomerReason', description: 'Why a customer is a key customer (重点客户).' });
registerEnumType(HoldingRole, { name: 'HoldingRole' });
registerEnumType(ClaimDecision, { name: 'ClaimDecision' });

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@ObjectType('UnitHolding', { description: 'A unit the customer holds (owner or tenant) from the move-in date.' })
export class UnitHoldingObject {
  @Field(() => ID) id: string;
  @Field(() => ID) unitId: string;
  @Field() unitName: string;
  @Field(() => HoldingRole) role: HoldingRole;
  @Field({ description: 'YYYY-MM-DD.' }) movedInOn: string;
  @Field(() => String, { nullable: true }) movedOutOn?: string | null;

  static from(h: UnitHolding, unitName: string): UnitHoldingObject {
    return { id: h.id, unitId: h.unitId, unitName, role: h.role, movedInOn: h.movedInOn, movedOutOn: h.movedOutOn ?? null };
  }
}

@ObjectType('KeyCustomerTag')
export class KeyCustomerTagObject {
  @Field(() => KeyCustomerReason) reason: KeyCustomerReason;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => ID, { description: 'A staff user, or `system` for a tag a rule set (REPEAT_COMPLAINANT from rule A).' }) taggedBy: string;
  @Field() taggedAt: Date;

  static from(t: KeyCustomerTag): KeyCustomerTagObject {
    return { reason: t.reason, note: t.note ?? null, taggedBy: t.taggedBy, taggedAt: t.taggedAt };
  }
}

@ObjectType('KeyCustomer', { description: 'A key customer: the reasons, and the tags behind them.' })
export class KeyCustomerObject {
  @Field(() => CustomerObject) customer: CustomerObject;
  @Field(() => [KeyCustomerReason]) reasons: KeyCustomerReason[];
  @Field(() => [KeyCustomerTagObject]) tags: KeyCustomerTagObject[];
}

@ObjectType('KeyCustomerEdge')
export class KeyCustomerEdge {
  @Field() cursor: string;
  @Field(() => KeyCustomerObject) node: KeyCustomerObject;
}

@ObjectType('KeyCustomerConnection')
export class KeyCustomerConnection {
  @Field(() => [KeyCustomerEdge]) edges: KeyCustomerEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}

@ObjectType('Claim', { description: 'A claim for compensation (索赔): amount claimed, evidence, decision, payment.' })
export class ClaimObject {
  @Field(() => ID) id: string;
  @Field(() => ID) siteId: string;
  @Field(() => ID) customerId: string;
  @Field(() => ID, { nullable: true }) complaintId?: string | null;
  @Field() description: string;
  @Field(() => Int) amountClaimedYuan: number;
  @Field(() => [String], { description: 'Attachment keys (attachmentUrl gives a link).' }) evidence: string[];
  @Field() claimedAt: Date;
  @Field(() => ID) recordedBy: string;
  @Field(() => ClaimDecision, { nullable: true }) decision?: ClaimDecision | null;
  @Field(() => Int, { nullable: true }) amountAwardedYuan?: number | null;
  @Field(() => String, { nullable: true }) decisionReason?: string | null;
  @Field(() => ID, { nullable: true }) decidedBy?: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) decidedAt?: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) paidAt?: Date | null;

  static from(c: Claim): ClaimObject {
    return Object.assign(new ClaimObject(), {
      ...c,
      complaintId: c.complaintId ?? null,
      decision: c.decision ?? null,
      amountAwardedYuan: c.amountAwardedYuan ?? null,
      decisionReason: c.decisionReason ?? null,
      decidedBy: c.decidedBy ?? null,
      decidedAt: c.decidedAt ?? null,
      paidAt: c.paidAt ?? null,
    });
  }
}

@ObjectType('FileRetention', {
  description: 'Kept while the customer holds a unit and two years after the last moving out (domain.md §7).',
})
export class FileRetentionObject {
  @Field() holdsUnit: boolean;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null while a unit is held or none was ever recorded.' })
  keptUntil: string | null;
}

@ObjectType('CustomerFileTotals', { description: 'How many records of each kind a customer file holds in all.' })
export class CustomerFileTotalsObject {
  @Field(() => Int) complaints: number;
  @Field(() => Int) serviceRequests: number;
  @Field(() => Int) claims: number;
  @Field(() => Int) visits: number;
}

@ObjectType('CustomerFile', { description: "A customer's file (客户档案): units held, every case, newest first; opening it is logged." })
@Directive('@key(fields: "customerId")')
export class CustomerFileObject {
  @Field(() => ID) customerId: string;
  @Field(() => CustomerObject) customer: CustomerObject;
  @Field(() => [UnitHoldingObject]) units: UnitHoldingObject[];
  @Field(() => [ComplaintObject], { description: 'Every complaint, newest first.' }) complaints: ComplaintObject[];
  @Field(() => [ServiceRequestObject], { description: 'Every repair and paid service, newest first.' })
  serviceRequests: ServiceRequestObject[];
  @Field(() => [ClaimObject], { description: 'Every claim, newest first.' }) claims: ClaimObject[];
  @Field(() => [VisitObject], { description: 'Every visit planned or recorded, newest month first.' }) visits: VisitObject[];
  @Field(() => KeyCustomerObject, { nullable: true, description: 'Null unless the customer is a key customer.' })
  keyCustomer: KeyCustomerObject | null;
  @Field(() => FileRetentionObject) retention: FileRetentionObject;
  @Field(() => [ID], { description: 'The ids of the complaints and services listed (the callback service lists their callbacks).' })
  caseIds: string[];
  @Field(() => CustomerFileTotalsObject, { description: 'How many of each the customer has in all (the lists may hold only the newest).' })
  totals: CustomerFileTotalsObject;
  @Field(() => Int, { nullable: true, description: 'The newest this many of each list were asked for; null: every one.' })
  newest: number | null;
}

@ObjectType('CustomerFileOpening', { description: 'Who opened a customer file, and when.' })
export class CustomerFileOpeningObject {
  @Field(() => ID) customerId: string;
  @Field(() => ID) siteId: string;
  @Field(() => ID) openedBy: string;
  @Field() openedAt: Date;
}

@InputType()
export class RecordUnitHoldingInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) customerId: string;
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) unitId: string;
  @Field(() => HoldingRole) @IsEnum(HoldingRole) role: HoldingRole;
  @Field({ description: 'YYYY-MM-DD, not in the future.' }) @Matches(DATE, { message: 'movedInOn must be YYYY-MM-DD' }) movedInOn: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(DATE, { message: 'movedOutOn must be YYYY-MM-DD' }) movedOutOn?: string;
}

@InputType()
export class TagKeyCustomerInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) customerId: string;
  @Field(() => KeyCustomerReason) @IsEnum(KeyCustomerReason) reason: KeyCustomerReason;
  @Field(() => String, { nullable: true }) @IsOptional() @Transform(trimString) @IsString() @MaxLength(1000) note?: string;
}

@InputType()
export class UntagKeyCustomerInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) customerId: string;
  @Field(() => KeyCustomerReason) @IsEnum(KeyCustomerReason) reason: KeyCustomerReason;
}

@InputType()
export class RecordClaimInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) customerId: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @MaxLength(64) complaintId?: string;
  @Field()
  @Transform(trimString)
  @IsString()
  @IsNotEmpty({ message: 'description must not be empty' })
  @MaxLength(5000)
  description: string;
  @Field(() => Int) @IsInt() @Min(1, { message: 'amountClaimedYuan must be at least 1' }) @Max(100_000_000) amountClaimedYuan: number;
  @Field(() => [String], { nullable: true, description: 'Keys from POST /attachments for the customer’s site.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  evidence?: string[];
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the customer claimed (now when absent).' })
  @IsOptional()
  @IsDate()
  claimedAt?: Date;
}

@InputType()
export class DecideClaimInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) claimId: string;
  @Field(() => ClaimDecision) @IsEnum(ClaimDecision) decision: ClaimDecision;
  @Field(() => Int, { nullable: true, description: 'Required for PARTLY_ACCEPTED.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  amountAwardedYuan?: number;
  @Field() @Transform(trimString) @IsString() @IsNotEmpty({ message: 'reason must not be empty' }) @MaxLength(2000) reason: string;
}

@InputType()
export class RecordClaimPaidInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) claimId: string;
  @Field(() => GraphQLISODateTime, { nullable: true }) @IsOptional() @IsDate() paidAt?: Date;
}

@ArgsType()
export class KeyCustomersArgs {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @MaxLength(64) siteId?: string;
  @Field(() => KeyCustomerReason, { nullable: true }) @IsOptional() @IsEnum(KeyCustomerReason) reason?: KeyCustomerReason;
  @Field(() => Int, { nullable: true, defaultValue: 50 }) @IsOptional() @IsInt() @Min(1) @Max(200) first?: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) after?: string;
}

@ArgsType()
export class ClaimsArgs {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @MaxLength(64) siteId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @MaxLength(64) customerId?: string;
  @Field({ nullable: true, description: 'Only claims not decided yet.' }) @IsOptional() undecided?: boolean;
  @Field(() => Int, { nullable: true, defaultValue: 50 }) @IsOptional() @IsInt() @Min(1) @Max(200) first?: number;
}

@ArgsType()
export class CustomerFileOpeningsArgs {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @MaxLength(64) siteId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @MaxLength(64) customerId?: string;
  @Field(() => Int, { nullable: true, defaultValue: 50 }) @IsOptional() @IsInt() @Min(1) @Max(500) first?: number;
}
