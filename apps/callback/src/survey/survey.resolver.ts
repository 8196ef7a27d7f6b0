import { MikroORM, type FilterQuery } from '@mikro-orm/core';
import { Args, ID, Int, Mutation, Query, Resolver, ResolveReference } from '@nestjs/graphql';
import { Role } from '@pc/contracts';
import { TransactionalOutbox } from '@pc/messaging';
import { AuthUser, Clock, CurrentUser, Roles, invalidInput, scopeOf, type RequestContext } from '@pc/platform';
import { loadById } from '@pc/subgraph';
import {
  CreateSurveyInput,
  FollowUpCallbackInput,
  FollowUpsArgs,
  LaunchSurveyInput,
  RecordSurveyResponseInput,
  SaveQuestionnaireInput,
  ScheduleSurveysInput,
  SurveysArgs,
} from './dto/survey.inputs';
import { ScheduleSurveys, callBackFollowUp } from './survey-clocks';
import { FollowUpPlan, Questionnaire, Survey, SurveyResponse, SurveySample, SurveySchedule } from './survey.entity';
import { FollowUpObject, QuestionnaireObject, SampleMemberObject, SurveyObject, SurveyScheduleObject } from './survey.object';
import { LaunchSurveyCampaign, SURVEY_AUTHORS, SaveQuestionnaire, closeCampaign } from './campaign.usecases';
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
    private readonly questionnaire: SaveQuestionnaire,
    private readonly launch: LaunchSurveyCampaign,
    private readonly schedule: ScheduleSurveys,
    private readonly tx: TransactionalOutbox,
    private readonly clock: Clock,
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

  @Query(() => [SurveyObject], { description: 'Survey campaigns with their response rate and results per question, newest period first.' })
  async surveys(@CurrentUser() user: AuthUser, @Args() args: SurveysArgs): Promise<SurveyObject[]> {
    const where: FilterQuery<Survey> = {};
    if (args.kind) where.kind = args.kind;
    if (args.year) where.period = { $like: `${args.year}%` };
    return this.withResults(
      await scopeOf(user).find(
        this.orm.em.fork(),
        Survey,
        where,
        { orderBy: { period: 'desc', createdAt: 'desc' }, limit: args.first ?? 50 },
        args.siteId,
      ),
    );
  }

  @Query(() => [QuestionnaireObject], {
    description: "The organisation's questionnaires, every version, by name and newest version first.",
  })
  async questionnaires(
    @CurrentUser() user: AuthUser,
    @Args('first', { type: () => Int, nullable: true, description: 'At most this many (1–500; default 50).' }) first?: number,
  ): Promise<QuestionnaireObject[]> {
    if (first !== undefined && first !== null && (!Number.isInteger(first) || first < 1 || first > 500)) {
      throw invalidInput('first', 'first must be between 1 and 500');
    }
    const rows = await this.orm.em
      .fork()
      .find(Questionnaire, { orgId: user.org }, { orderBy: { name: 'asc', version: 'desc' }, limit: first ?? 50 });
    return rows.map(QuestionnaireObject.from);
  }

  @Query(() => [SampleMemberObject], {
    description:
      "A campaign's sample: who was drawn and who answered (unanswered: only those still to ask); the first 2,000 by customer id.",
  })
  async surveySample(
    @CurrentUser() user: AuthUser,
    @Args('surveyId', { type: () => ID }) surveyId: string,
    @Args('unanswered', { nullable: true }) unanswered?: boolean,
  ): Promise<SampleMemberObject[]> {
    const em = this.orm.em.fork();
    const survey = await scopeOf(user).load(em, Survey, surveyId, 'survey');
    const where: FilterQuery<SurveySample> = { surveyId: survey.id, orgId: survey.orgId };
    if (unanswered) where.answeredAt = null;
    return (await em.find(SurveySample, where, { orderBy: { customerId: 'asc' }, limit: 2000 })).map(SampleMemberObject.from);
  }

  @Mutation(() => QuestionnaireObject, { description: 'Saves a questionnaire; under a name it already has, as its next version.' })
  @Roles(...SURVEY_AUTHORS)
  async saveQuestionnaire(@CurrentUser() user: AuthUser, @Args('input') input: SaveQuestionnaireInput): Promise<QuestionnaireObject> {
    return QuestionnaireObject.from(await this.questionnaire.execute(user, input));
  }

  @Mutation(() => [SurveyObject], {
    description:
      'Opens a survey campaign with a questionnaire and its sample: one site, or every site granted (the annual survey, QUALITY).',
  })
  @Roles(...SURVEY_AUTHORS)
  async launchSurveyCampaign(@CurrentUser() user: AuthUser, @Args('input') input: LaunchSurveyInput): Promise<SurveyObject[]> {
    return this.withResults(await this.launch.execute(user, input));
  }

  @Mutation(() => SurveyScheduleObject, {
    description:
      "Schedules a site's monthly visits or quarterly questionnaires: each opens itself at its period's start (saving again replaces).",
  })
  @Roles(...SURVEY_AUTHORS)
  async scheduleSurveys(@CurrentUser() user: AuthUser, @Args('input') input: ScheduleSurveysInput): Promise<SurveyScheduleObject> {
    return SurveyScheduleObject.from(await this.schedule.execute(user, input));
  }

  @Query(() => [SurveyScheduleObject], { description: 'The survey schedules of the sites the caller may see.' })
  async surveySchedules(
    @CurrentUser() user: AuthUser,
    @Args('siteId', { type: () => ID, nullable: true }) siteId?: string,
  ): Promise<SurveyScheduleObject[]> {
    const rows = await scopeOf(user).find(
      this.orm.em.fork(),
      SurveySchedule,
      {},
      { orderBy: { siteId: 'asc', kind: 'asc' }, limit: 500 },
      siteId,
    );
    return rows.map(SurveyScheduleObject.from);
  }

  @Mutation(() => FollowUpObject, { description: 'Records the call back to the customer about a follow-up plan that is done (once).' })
  @Roles(...SURVEYORS)
  async recordSurveyFollowUpCallback(@CurrentUser() user: AuthUser, @Args('input') input: FollowUpCallbackInput): Promise<FollowUpObject> {
    return FollowUpObject.from(await this.tx.by(user).run((em) => callBackFollowUp(em, user, input, this.clock.now())));
  }

  @Mutation(() => SurveyObject, { description: 'Closes a campaign: it takes no more answers.' })
  @Roles(...SURVEY_AUTHORS)
  async closeSurvey(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<SurveyObject> {
    const survey = await this.tx.by(user).run((em) => closeCampaign(em, user, id, this.clock.now()));
    return (await this.withResults([survey]))[0];
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

/** A follow-up plan other subgraphs name (analytics' survey results): within the caller's scope, else null. */
@Resolver(() => FollowUpObject)
export class SurveyFollowUpResolver {
  constructor(private readonly orm: MikroORM) {}

  @ResolveReference()
  async resolveReference(ref: { id: string }, ctx: RequestContext): Promise<FollowUpObject | null> {
    const user = ctx.user;
    if (!user) return null;
    return loadById(ctx, 'survey-follow-up', async (ids) =>
      (await scopeOf(user).rows(this.orm.em.fork(), FollowUpPlan, { id: { $in: ids } })).map(FollowUpObject.from),
    )(ref.id);
  }
}
