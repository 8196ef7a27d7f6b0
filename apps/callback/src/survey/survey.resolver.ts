import { MikroORM, type FilterQuery } from '@mikro-orm/core';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@pc/contracts';
import { AuthUser, CurrentUser, Roles, scopeOf } from '@pc/platform';
import { CreateSurveyInput, FollowUpsArgs, RecordSurveyResponseInput } from './dto/survey.inputs';
import { FollowUpPlan, Survey, SurveyResponse } from './survey.entity';
import { FollowUpObject, SurveyObject } from './survey.object';
import { CompleteFollowUp } from './complete-follow-up.usecase';
import { CreateSurvey } from './create-survey.usecase';
import { RecordSurveyResponse } from './record-survey-response.usecase';

const SURVEYORS = [Role.COMPLAINT_REP, Role.AREA_MANAGER, Role.SITE_HEAD, Role.QUALITY, Role.FRONT_DESK] as const;

@Resolver(() => SurveyObject)
export class SurveyResolver {
  constructor(
    private readonly orm: MikroORM,
    private readonly create: CreateSurvey,
    private readonly respond: RecordSurveyResponse,
    private readonly complete: CompleteFollowUp,
  ) {}

  private async withResults(surveys: Survey[]): Promise<SurveyObject[]> {
    const responses = surveys.length ? await this.orm.em.fork().find(SurveyResponse, { surveyId: { $in: surveys.map((s) => s.id) } }) : [];
    return surveys.map((s) =>
      SurveyObject.from(
        s,
        responses.filter((r) => r.surveyId === s.id).map((r) => r.answers),
      ),
    );
  }

  @Query(() => [SurveyObject], { description: 'Surveys with their results per question, newest period first.' })
  async surveys(
    @CurrentUser() user: AuthUser,
    @Args('siteId', { type: () => ID, nullable: true }) siteId?: string,
  ): Promise<SurveyObject[]> {
    return this.withResults(
      await scopeOf(user).find(this.orm.em.fork(), Survey, {}, { orderBy: { period: 'desc', createdAt: 'desc' }, limit: 200 }, siteId),
    );
  }

  @Query(() => [FollowUpObject], { description: 'Follow-up plans of dissatisfied survey items, earliest due first.' })
  async surveyFollowUps(@CurrentUser() user: AuthUser, @Args() args: FollowUpsArgs): Promise<FollowUpObject[]> {
    const where: FilterQuery<FollowUpPlan> = {};
    if (args.open !== undefined && args.open !== null) where.doneAt = args.open ? null : { $ne: null };
    return (
      await scopeOf(user).find(this.orm.em.fork(), FollowUpPlan, where, { orderBy: { dueAt: 'asc', id: 'asc' }, limit: 500 }, args.siteId)
    ).map(FollowUpObject.from);
  }

  @Mutation(() => SurveyObject, { description: 'Creates a periodic satisfaction survey.' })
  @Roles(Role.QUALITY, Role.SITE_HEAD, Role.AREA_MANAGER)
  async createSurvey(@CurrentUser() user: AuthUser, @Args('input') input: CreateSurveyInput): Promise<SurveyObject> {
    return (await this.withResults([await this.create.execute({ actor: user, ...input })]))[0];
  }

  @Mutation(() => SurveyObject, { description: "Records one customer's answers; every dissatisfied item needs its follow-up plan." })
  @Roles(...SURVEYORS)
  async recordSurveyResponse(@CurrentUser() user: AuthUser, @Args('input') input: RecordSurveyResponseInput): Promise<SurveyObject> {
    const { survey } = await this.respond.execute({ actor: user, ...input });
    return (await this.withResults([survey]))[0];
  }

  @Mutation(() => FollowUpObject, { description: 'Marks a follow-up plan done.' })
  async completeSurveyFollowUp(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<FollowUpObject> {
    return FollowUpObject.from(await this.complete.execute({ actor: user, id }));
  }
}
