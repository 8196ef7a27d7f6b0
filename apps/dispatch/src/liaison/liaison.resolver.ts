import { MikroORM, type FilterQuery } from '@mikro-orm/core';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@pc/contracts';
import { AuthUser, CurrentUser, Roles, scopeOf } from '@pc/platform';
import { AnswerLiaisonLetterInput, LiaisonLettersArgs, SendLiaisonLetterInput } from './dto/liaison.inputs';
import { LiaisonLetter } from './liaison-letter.entity';
import { LiaisonLetterObject } from './liaison-letter.object';
import { AnswerLiaisonLetter } from './answer-liaison-letter.usecase';
import { SendLiaisonLetter } from './send-liaison-letter.usecase';

@Resolver(() => LiaisonLetterObject)
export class LiaisonLetterResolver {
  constructor(
    private readonly orm: MikroORM,
    private readonly send: SendLiaisonLetter,
    private readonly answer: AnswerLiaisonLetter,
  ) {}

  @Query(() => [LiaisonLetterObject], { description: 'Liaison letters, earliest deadline first (at most 200).' })
  async liaisonLetters(@CurrentUser() user: AuthUser, @Args() args: LiaisonLettersArgs): Promise<LiaisonLetterObject[]> {
    const where: FilterQuery<LiaisonLetter> = {};
    if (args.toDepartment) where.toDepartment = args.toDepartment;
    if (args.open !== undefined && args.open !== null) where.answeredAt = args.open ? null : { $ne: null };
    const rows = await scopeOf(user).find(
      this.orm.em.fork(),
      LiaisonLetter,
      where,
      { orderBy: { dueAt: 'asc', id: 'asc' }, limit: 200 },
      args.siteId,
    );
    return rows.map(LiaisonLetterObject.from);
  }

  @Mutation(() => LiaisonLetterObject, { description: 'Sends a work-liaison letter to another department.' })
  @Roles(Role.DEPARTMENT_STAFF, Role.DEPARTMENT_HEAD, Role.SITE_HEAD, Role.AREA_MANAGER)
  async sendLiaisonLetter(@CurrentUser() user: AuthUser, @Args('input') input: SendLiaisonLetterInput): Promise<LiaisonLetterObject> {
    return LiaisonLetterObject.from(await this.send.execute({ actor: user, ...input }));
  }

  @Mutation(() => LiaisonLetterObject, { description: 'The receiving department answers a liaison letter.' })
  @Roles(Role.DEPARTMENT_STAFF, Role.DEPARTMENT_HEAD, Role.SITE_HEAD)
  async answerLiaisonLetter(@CurrentUser() user: AuthUser, @Args('input') input: AnswerLiaisonLetterInput): Promise<LiaisonLetterObject> {
    return LiaisonLetterObject.from(await this.answer.execute({ actor: user, ...input }));
  }
}
