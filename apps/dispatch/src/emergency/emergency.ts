import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { MikroORM, type FilterQuery } from '@mikro-orm/core';
import { Args, ArgsType, Field, GraphQLISODateTime, ID, InputType, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDate, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { EmergencyReported, EscalationLevel, Role } from '@pc/contracts';
import { TransactionalOutbox } from '@pc/messaging';
import { AuthUser, Clock, CurrentUser, Roles, assertSite, conflict, forbidden, hasAnyRole, invalidInput, notFound, siteScope, trimString } from '@pc/platform';
import { escalate } from '../sla/escalation';
import { WorkOrderAction, canDo } from '../work-order/lifecycle';
import { loadWorkOrder } from '../work-order/work-order.access';
import { EmergencyEvent } from './emergency.entity';
import { EmergencyModule } from './emergency.module';

const text = (field: string, max = 10_000) => [Transform(trimString), IsString(), IsNotEmpty({ message: `${field} must not be empty` }), MaxLength(max)];
const all = (...ds: PropertyDecorator[]): PropertyDecorator => (t, k) => ds.forEach((d) => d(t, k));

@InputType({ registerIn: () => EmergencyModule, description: 'An emergency (紧急事件): reported up the chain at once.' })
export class ReportEmergencyInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) siteId: string;
  @Field(() => ID, { nullable: true, description: 'The work order it concerns, if any: escalated to leadership at once.' })
  @IsOptional() @IsString() @MaxLength(64)
  workOrderId?: string;
  @Field() @all(...text('description')) description: string;
  @Field({ description: 'When it happened; never in the future.' }) @IsDate() occurredAt: Date;
  @Field({ nullable: true, description: 'What was done to contain the loss.' }) @IsOptional() @all(...text('containment')) containment?: string;
}

@InputType({ registerIn: () => EmergencyModule, description: 'The emergency-event record: cause, remedy, prevention.' })
export class RecordEmergencyReviewInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) emergencyId: string;
  @Field() @all(...text('cause')) cause: string;
  @Field() @all(...text('remedy')) remedy: string;
  @Field() @all(...text('prevention')) prevention: string;
}

@ArgsType({ registerIn: () => EmergencyModule })
export class EmergenciesArgs {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @MaxLength(64) siteId?: string;
  @Field({ nullable: true, description: 'Only those without their cause/remedy/prevention record (true), or only those with it (false).' })
  @IsOptional() @IsBoolean()
  open?: boolean;
}

@ObjectType('EmergencyEvent', { registerIn: () => EmergencyModule })
export class EmergencyEventObject {
  @Field(() => ID) id: string;
  @Field(() => ID) siteId: string;
  @Field(() => ID, { nullable: true }) workOrderId?: string | null;
  @Field() description: string;
  @Field() occurredAt: Date;
  @Field(() => ID) reportedBy: string;
  @Field() reportedAt: Date;
  @Field(() => String, { nullable: true }) containment?: string | null;
  @Field(() => String, { nullable: true }) cause?: string | null;
  @Field(() => String, { nullable: true }) remedy?: string | null;
  @Field(() => String, { nullable: true }) prevention?: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) reviewedAt?: Date | null;

  static from(e: EmergencyEvent): EmergencyEventObject {
    return Object.assign(new EmergencyEventObject(), e);
  }
}

/** Reports an emergency: recorded, announced, and its work order (if any) passed straight to leadership. */
@Injectable()
export class ReportEmergency {
  constructor(private readonly tx: TransactionalOutbox, private readonly clock: Clock) {}

  execute(user: AuthUser, input: ReportEmergencyInput): Promise<EmergencyEvent> {
    return this.tx.run(async (em, events) => {
      assertSite(user, input.siteId);
      const now = this.clock.now();
      if (input.occurredAt.getTime() > now.getTime()) throw invalidInput('occurredAt', 'must not be in the future');
      const wo = input.workOrderId ? await loadWorkOrder(em, user, input.workOrderId) : undefined;
      if (wo && wo.siteId !== input.siteId) throw invalidInput('workOrderId', `the work order belongs to site ${wo.siteId}`);
      const e = em.create(EmergencyEvent, {
        id: randomUUID(), orgId: user.org, siteId: input.siteId, workOrderId: wo?.id ?? null, description: input.description,
        occurredAt: input.occurredAt, reportedBy: user.sub, reportedAt: now, containment: input.containment ?? null,
      });
      em.persist(e);
      if (wo && canDo(wo.status, WorkOrderAction.ESCALATE) && wo.escalationLevel !== EscalationLevel.LEADERSHIP) {
        escalate(em, events, wo, { reason: `emergency: ${input.description}`, by: user.sub, at: now, to: EscalationLevel.LEADERSHIP });
      }
      events.publish(EmergencyReported, {
        orgId: user.org, siteId: input.siteId, emergencyId: e.id, workOrderId: wo?.id, description: input.description,
        occurredAt: input.occurredAt.toISOString(), reportedAt: now.toISOString(),
      });
      return e;
    });
  }
}

/** The site's managers record cause, remedy and prevention once the emergency is contained. */
@Injectable()
export class RecordEmergencyReview {
  constructor(private readonly tx: TransactionalOutbox, private readonly clock: Clock) {}

  execute(user: AuthUser, input: RecordEmergencyReviewInput): Promise<EmergencyEvent> {
    return this.tx.run(async (em) => {
      const e = await em.findOne(EmergencyEvent, { id: input.emergencyId, orgId: user.org });
      if (!e) throw notFound('emergency event', input.emergencyId);
      assertSite(user, e.siteId);
      if (e.reviewedAt) throw conflict('the emergency-event record is already complete', 'emergencyId');
      Object.assign(e, { cause: input.cause, remedy: input.remedy, prevention: input.prevention, reviewedBy: user.sub, reviewedAt: this.clock.now() });
      return e;
    });
  }
}

@Resolver(() => EmergencyEventObject)
export class EmergencyResolver {
  constructor(private readonly orm: MikroORM, private readonly report: ReportEmergency, private readonly review: RecordEmergencyReview) {}

  @Query(() => [EmergencyEventObject], { description: 'Emergency events, newest first (at most 200).' })
  async emergencies(@CurrentUser() user: AuthUser, @Args() args: EmergenciesArgs): Promise<EmergencyEventObject[]> {
    const where: FilterQuery<EmergencyEvent> = { orgId: user.org };
    const sites = siteScope(user, args.siteId);
    if (sites) where.siteId = { $in: sites };
    if (args.open !== undefined && args.open !== null) where.reviewedAt = args.open ? null : { $ne: null };
    return (await this.orm.em.fork().find(EmergencyEvent, where, { orderBy: { reportedAt: 'desc', id: 'asc' }, limit: 200 })).map(EmergencyEventObject.from);
  }

  @Mutation(() => EmergencyEventObject, { description: 'Reports an emergency; its work order goes to leadership at once.' })
  async reportEmergency(@CurrentUser() user: AuthUser, @Args('input') input: ReportEmergencyInput): Promise<EmergencyEventObject> {
    if (!hasAnyRole(user, Object.values(Role).filter((r) => r !== Role.ANALYST))) throw forbidden('analysts cannot report emergencies');
    return EmergencyEventObject.from(await this.report.execute(user, input));
  }

  @Mutation(() => EmergencyEventObject, { description: 'Records cause, remedy and prevention of an emergency.' })
  @Roles(Role.SITE_HEAD, Role.DEPARTMENT_HEAD, Role.AREA_MANAGER, Role.QUALITY, Role.LEADERSHIP)
  async recordEmergencyReview(@CurrentUser() user: AuthUser, @Args('input') input: RecordEmergencyReviewInput): Promise<EmergencyEventObject> {
    return EmergencyEventObject.from(await this.review.execute(user, input));
  }
}
