import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { MikroORM, type FilterQuery } from '@mikro-orm/core';
import { Args, Field, GraphQLISODateTime, ID, InputType, Mutation, ObjectType, Query, Resolver, ArgsType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDate, IsEnum, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { Department, Role } from '@pc/contracts';
import { TransactionalOutbox } from '@pc/messaging';
import { AuthUser, Clock, CurrentUser, Roles, assertSite, conflict, forbidden, hasAnyRole, invalidInput, notFound, siteScope, trimString } from '@pc/platform';
import { WorkOrderAction, canDo } from '../work-order/lifecycle';
import { assertHandles, loadWorkOrder } from '../work-order/work-order.access';
import { LiaisonLetter } from './liaison-letter.entity';
import { LiaisonModule } from './liaison.module';

@InputType({ registerIn: () => LiaisonModule, description: 'A work-liaison letter (工作联系函) to another department, with its deadline.' })
export class SendLiaisonLetterInput {
  @Field(() => ID, { description: "The sender's work order." }) @IsString() @IsNotEmpty() @MaxLength(64) workOrderId: string;
  @Field(() => Department) @IsEnum(Department) toDepartment: Department;
  @Field() @Transform(trimString) @IsString() @IsNotEmpty({ message: 'body must not be empty' }) @MaxLength(10_000) body: string;
  @Field({ description: 'When the receiving department must answer; in the future.' }) @IsDate() dueAt: Date;
}

@InputType({ registerIn: () => LiaisonModule })
export class AnswerLiaisonLetterInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) letterId: string;
  @Field() @Transform(trimString) @IsString() @IsNotEmpty({ message: 'answer must not be empty' }) @MaxLength(10_000) answer: string;
}

@ArgsType({ registerIn: () => LiaisonModule })
export class LiaisonLettersArgs {
  @Field(() => Department, { nullable: true, description: 'Letters to this department.' }) @IsOptional() @IsEnum(Department) toDepartment?: Department;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @MaxLength(64) siteId?: string;
  @Field({ nullable: true, description: 'Only unanswered letters (true) or only answered ones (false).' }) @IsOptional() @IsBoolean() open?: boolean;
}

@ObjectType('LiaisonLetter', { registerIn: () => LiaisonModule })
export class LiaisonLetterObject {
  @Field(() => ID) id: string;
  @Field(() => ID) siteId: string;
  @Field(() => ID) complaintId: string;
  @Field(() => ID) workOrderId: string;
  @Field(() => Department, { nullable: true, description: 'None when the area manager sent it.' }) fromDepartment?: Department | null;
  @Field(() => Department) toDepartment: Department;
  @Field() body: string;
  @Field() dueAt: Date;
  @Field(() => ID) sentBy: string;
  @Field() sentAt: Date;
  @Field(() => String, { nullable: true }) answer?: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) answeredAt?: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the scheduler found it unanswered past its deadline.' }) overdueAt?: Date | null;

  static from(l: LiaisonLetter): LiaisonLetterObject {
    return Object.assign(new LiaisonLetterObject(), l);
  }
}

const canAnswerFor = (user: AuthUser, department: Department) =>
  hasAnyRole(user, [Role.SITE_HEAD]) || (hasAnyRole(user, [Role.DEPARTMENT_STAFF, Role.DEPARTMENT_HEAD]) && user.department === department);

@Injectable()
export class SendLiaisonLetter {
  constructor(private readonly tx: TransactionalOutbox, private readonly clock: Clock) {}

  execute(user: AuthUser, input: SendLiaisonLetterInput): Promise<LiaisonLetter> {
    return this.tx.run(async (em) => {
      const wo = await loadWorkOrder(em, user, input.workOrderId);
      assertHandles(user, wo, 'write its liaison letters');
      if (!canDo(wo.status, WorkOrderAction.ESCALATE)) throw conflict(`the work order is ${wo.status}; letters go out while it is open`, 'workOrderId');
      if (input.toDepartment === wo.department) throw invalidInput('toDepartment', 'a liaison letter goes to another department');
      const now = this.clock.now();
      if (input.dueAt.getTime() <= now.getTime()) throw invalidInput('dueAt', 'must be in the future');
      const letter = em.create(LiaisonLetter, {
        id: randomUUID(), orgId: wo.orgId, siteId: wo.siteId, complaintId: wo.complaintId, workOrderId: wo.id,
        fromDepartment: wo.department, toDepartment: input.toDepartment, body: input.body, dueAt: input.dueAt, sentBy: user.sub, sentAt: now,
      });
      em.persist(letter);
      return letter;
    });
  }
}

@Injectable()
export class AnswerLiaisonLetter {
  constructor(private readonly tx: TransactionalOutbox, private readonly clock: Clock) {}

  execute(user: AuthUser, input: AnswerLiaisonLetterInput): Promise<LiaisonLetter> {
    return this.tx.run(async (em) => {
      const letter = await em.findOne(LiaisonLetter, { id: input.letterId, orgId: user.org });
      if (!letter) throw notFound('liaison letter', input.letterId);
      assertSite(user, letter.siteId);
      if (!canAnswerFor(user, letter.toDepartment)) throw forbidden(`only ${letter.toDepartment} staff may answer this letter`);
      if (letter.answeredAt) throw conflict('the letter is already answered', 'letterId');
      Object.assign(letter, { answer: input.answer, answeredBy: user.sub, answeredAt: this.clock.now() });
      return letter;
    });
  }
}

@Resolver(() => LiaisonLetterObject)
export class LiaisonLetterResolver {
  constructor(private readonly orm: MikroORM, private readonly send: SendLiaisonLetter, private readonly answer: AnswerLiaisonLetter) {}

  @Query(() => [LiaisonLetterObject], { description: 'Liaison letters, earliest deadline first (at most 200).' })
  async liaisonLetters(@CurrentUser() user: AuthUser, @Args() args: LiaisonLettersArgs): Promise<LiaisonLetterObject[]> {
    const where: FilterQuery<LiaisonLetter> = { orgId: user.org };
    const sites = siteScope(user, args.siteId);
    if (sites) where.siteId = { $in: sites };
    if (args.toDepartment) where.toDepartment = args.toDepartment;
    if (args.open !== undefined && args.open !== null) where.answeredAt = args.open ? null : { $ne: null };
    const rows = await this.orm.em.fork().find(LiaisonLetter, where, { orderBy: { dueAt: 'asc', id: 'asc' }, limit: 200 });
    return rows.map(LiaisonLetterObject.from);
  }

  @Mutation(() => LiaisonLetterObject, { description: 'Sends a work-liaison letter to another department.' })
  @Roles(Role.DEPARTMENT_STAFF, Role.DEPARTMENT_HEAD, Role.SITE_HEAD, Role.AREA_MANAGER)
  async sendLiaisonLetter(@CurrentUser() user: AuthUser, @Args('input') input: SendLiaisonLetterInput): Promise<LiaisonLetterObject> {
    return LiaisonLetterObject.from(await this.send.execute(user, input));
  }

  @Mutation(() => LiaisonLetterObject, { description: 'The receiving department answers a liaison letter.' })
  @Roles(Role.DEPARTMENT_STAFF, Role.DEPARTMENT_HEAD, Role.SITE_HEAD)
  async answerLiaisonLetter(@CurrentUser() user: AuthUser, @Args('input') input: AnswerLiaisonLetterInput): Promise<LiaisonLetterObject> {
    return LiaisonLetterObject.from(await this.answer.execute(user, input));
  }
}
