import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { IsDate, IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CallbackKind, ContactMethod, Department } from '@pc/contracts';
import { trimString } from '@pc/platform';
import { PageInfo } from '@pc/subgraph';
import { CustomerContactInput, apply } from '../work-order/dto/lifecycle.inputs';
import { ServiceOrderStatus, type ServiceNote, type ServiceOrder } from './service-order.entity';

registerEnumType(ServiceOrderStatus, { name: 'ServiceOrderStatus', description: 'Received → responded (handler, ETA) → completed.' });

@ObjectType('ServiceNote')
export class ServiceNoteObject {
  @Field() note: string;
  @Field(() => ID) by: string;
  @Field() at: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) customerInformedAt?: Date | null;
  @Field(() => ContactMethod, { nullable: true }) customerInformedVia?: ContactMethod | null;

  static from(n: ServiceNote): ServiceNoteObject {
    return Object.assign(new ServiceNoteObject(), n);
  }
}

@ObjectType('ServiceOrder', { description: 'The repair work sheet (维修工作单) of a repair or paid service.' })
export class ServiceOrderObject {
  @Field(() => ID) id: string;
  @Field(() => ID, { description: "Intake's request (ServiceRequest.id)." }) serviceId: string;
  @Field(() => ID) siteId: string;
  @Field(() => CallbackKind) kind: CallbackKind;
  @Field(() => ID) customerId: string;
  @Field(() => ID, { nullable: true }) unitId?: string | null;
  @Field(() => Department) department: Department;
  @Field() description: string;
  @Field(() => Int, { nullable: true }) agreedPriceYuan?: number | null;
  @Field(() => ID) takenBy: string;
  @Field() receivedAt: Date;
  @Field(() => ServiceOrderStatus) status: ServiceOrderStatus;
  @Field() responseDueAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) respondedAt?: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Set when the response came late (at its due time).' })
  responseBreachedAt?: Date | null;
  @Field(() => ID, { nullable: true }) handlerId?: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'The time the customer was told to expect.' }) etaAt?: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Set when the expected time was not kept.' }) etaBreachedAt?: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) completedAt?: Date | null;
  @Field(() => String, { nullable: true }) result?: string | null;
  @Field(() => String, { nullable: true }) customerSignature?: string | null;
  @Field(() => Int, { nullable: true }) chargedYuan?: number | null;
  @Field(() => [ServiceNoteObject]) notes: ServiceNoteObject[];

  static from(o: ServiceOrder, notes: ServiceNote[] = []): ServiceOrderObject {
    return Object.assign(new ServiceOrderObject(), o, { notes: notes.map(ServiceNoteObject.from) });
  }
}

@ObjectType()
export class ServiceOrderEdge {
  @Field(() => ServiceOrderObject) node: ServiceOrderObject;
  @Field() cursor: string;
}

@ObjectType('ServiceOrderConnection')
export class ServiceOrderConnection {
  @Field(() => [ServiceOrderEdge]) edges: ServiceOrderEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}

@ArgsType()
export class ServiceOrdersArgs {
  @Field(() => Department, { nullable: true }) @IsOptional() @IsEnum(Department) department?: Department;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(64) siteId?: string;
  @Field(() => ServiceOrderStatus, { nullable: true }) @IsOptional() @IsEnum(ServiceOrderStatus) status?: ServiceOrderStatus;
  @Field(() => Int, { nullable: true, defaultValue: 20, description: 'Oldest request first; at most 100.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  first?: number;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) after?: string;
}

const sheetId = () => [IsString(), IsNotEmpty(), MaxLength(64)];
@InputType()
export class RespondToServiceInput {
  @Field(() => ID) @apply(...sheetId()) serviceOrderId: string;
  @Field(() => ID, { description: 'Who does it: staff of the department at the site.' }) @apply(...sheetId()) handlerId: string;
  @Field({ description: 'The time the customer is told to expect the work done.' }) @IsDate() eta: Date;
  @Field(() => CustomerContactInput, { description: 'When and how the customer was told.' })
  @ValidateNested()
  @Type(() => CustomerContactInput)
  customerInformed: CustomerContactInput;
}

@InputType()
export class RecordServiceProgressInput {
  @Field(() => ID) @apply(...sheetId()) serviceOrderId: string;
  @Field() @Transform(trimString) @IsString() @IsNotEmpty({ message: 'note must not be empty' }) @MaxLength(5000) note: string;
  @Field({ nullable: true, description: 'A new expected time (needs customerInformed).' }) @IsOptional() @IsDate() newEta?: Date;
  @Field(() => CustomerContactInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CustomerContactInput)
  customerInformed?: CustomerContactInput;
}

@InputType()
export class CompleteServiceInput {
  @Field(() => ID) @apply(...sheetId()) serviceOrderId: string;
  @Field({ description: 'What was done (fed back to customer service).' })
  @Transform(trimString)
  @IsString()
  @IsNotEmpty({ message: 'result must not be empty' })
  @MaxLength(5000)
  result: string;
  @Field({ description: "Reference to the customer's own signature on the work sheet." })
  @Transform(trimString)
  @IsString()
  @IsNotEmpty({ message: "customerSignature must reference the customer's own signature" })
  @MaxLength(500)
  customerSignature: string;
  @Field(() => Int, { nullable: true, description: 'A paid service: what was charged, in yuan.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  chargedYuan?: number;
}
