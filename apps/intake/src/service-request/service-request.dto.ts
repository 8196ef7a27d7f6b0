import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsDate, IsEnum, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { CallbackKind, Category, Channel, Department } from '@pc/contracts';
import { trimString } from '@pc/platform';
import { ServiceStatus, type ServiceRequest } from './service-request.entity';

registerEnumType(ServiceStatus, { name: 'ServiceStatus' });

@ObjectType('ServiceRequest', { description: 'A repair (报修) or paid service (有偿服务) as the desk took it.' })
export class ServiceRequestObject {
  @Field(() => ID) id: string;
  @Field(() => ID) siteId: string;
  @Field(() => ID, { nullable: true }) unitId?: string | null;
  @Field(() => ID) customerId: string;
  @Field(() => CallbackKind) kind: CallbackKind;
  @Field(() => Channel) channel: Channel;
  @Field(() => Department) department: Department;
  @Field() description: string;
  @Field(() => Int, { nullable: true }) agreedPriceYuan?: number | null;
  @Field() receivedAt: Date;
  @Field(() => ID) receivedBy: string;
  @Field({ description: "The response is due (the site's setting)." }) responseDueAt: Date;
  @Field(() => ServiceStatus) status: ServiceStatus;
  @Field(() => GraphQLISODateTime, { nullable: true }) completedAt?: Date | null;
  @Field(() => Int, { nullable: true }) chargedYuan?: number | null;

  static from(r: ServiceRequest): ServiceRequestObject {
    return Object.assign(new ServiceRequestObject(), r);
  }
}

@InputType()
export class RequestServiceInput {
  @Field(() => CallbackKind, { description: 'REPAIR or PAID_SERVICE.' })
  @IsIn([CallbackKind.REPAIR, CallbackKind.PAID_SERVICE], { message: 'kind must be REPAIR or PAID_SERVICE' })
  kind: CallbackKind;
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) siteId: string;
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) customerId: string;
  @Field(() => ID, { nullable: true, description: "The unit (the customer's own when not given)." })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  unitId?: string;
  @Field(() => Channel) @IsEnum(Channel) channel: Channel;
  @Field()
  @Transform(trimString)
  @IsString()
  @IsNotEmpty({ message: 'description must not be empty' })
  @MaxLength(5000)
  description: string;
  @Field(() => Department, { nullable: true, description: 'Who does it; else the routing of `category`; else ENGINEERING.' })
  @IsOptional()
  @IsEnum(Department)
  department?: Department;
  @Field(() => Category, {
    nullable: true,
    description: "What it is about: routes it by the organisation's routing when no department is named.",
  })
  @IsOptional()
  @IsEnum(Category)
  category?: Category;
  @Field(() => Int, { nullable: true, description: 'A paid service: the price agreed with the customer, in yuan.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  agreedPriceYuan?: number;
  @Field({ nullable: true, description: 'When it was received, for a paper record entered later; never in the future.' })
  @IsOptional()
  @IsDate()
  receivedAt?: Date;
  @Field({ nullable: true, description: 'The same key twice returns the same request.' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  idempotencyKey?: string;
}
