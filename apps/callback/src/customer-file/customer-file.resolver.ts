import {
  Args,
  Directive,
  Field,
  GraphQLISODateTime,
  ID,
  Int,
  ObjectType,
  Parent,
  ResolveField,
  Resolver,
  ResolveReference,
} from '@nestjs/graphql';
import { MikroORM } from '@mikro-orm/core';
import { Satisfaction } from '@pc/contracts';
import { AuthUser, CurrentUser, invalidInput, plainRows, scopeOf } from '@pc/platform';
import { Callback } from '../callback/callback.entity';
import { CallbackObject } from '../callback/callback.object';
import { Survey, SurveyKind, SurveyResponse } from '../survey/survey.entity';

/** Intake's customer file, extended here with the customer's callbacks and survey answers. */
@ObjectType('CustomerFile')
@Directive('@key(fields: "customerId")')
export class CustomerFileRef {
  @Field(() => ID) customerId: string;
  @Field(() => [ID], { description: "Intake's: the ids of the customer's complaints and services." })
  @Directive('@external')
  caseIds?: string[];
}

@ObjectType('SurveyAnswerItem')
export class SurveyAnswerItemObject {
  @Field(() => Int) question: number;
  @Field({ description: 'The question as the survey asked it.' }) text: string;
  @Field(() => Satisfaction, { nullable: true, description: 'A question on the four levels; null for a choice or free-text question.' })
  satisfaction?: Satisfaction | null;
  @Field(() => String, { nullable: true, description: "A choice question's option." }) choice?: string | null;
  @Field(() => String, { nullable: true }) comment?: string | null;
}

@ObjectType('CustomerSurveyAnswer', { description: "A customer's answer to a survey (客户意见调查)." })
export class CustomerSurveyAnswerObject {
  @Field(() => ID) responseId: string;
  @Field(() => ID) surveyId: string;
  @Field(() => ID) siteId: string;
  @Field(() => SurveyKind) kind: SurveyKind;
  @Field() period: string;
  @Field(() => GraphQLISODateTime) at: Date;
  @Field(() => [SurveyAnswerItemObject]) answers: SurveyAnswerItemObject[];
}

@Resolver(() => CustomerFileRef)
export class CustomerFileCallbacksResolver {
  constructor(private readonly orm: MikroORM) {}

  @ResolveReference()
  resolveReference(ref: CustomerFileRef): CustomerFileRef {
    // caseIds come from intake through the gateway (@requires); a direct stub without them lists no callbacks
    return { customerId: ref.customerId, caseIds: Array.isArray(ref.caseIds) ? ref.caseIds : [] };
  }

  @ResolveField(() => [CallbackObject], { description: "The callbacks of the customer's complaints and services, newest first." })
  @Directive('@requires(fields: "caseIds")')
  async callbacks(@Parent() file: CustomerFileRef, @CurrentUser() user: AuthUser): Promise<CallbackObject[]> {
    const ids = (file.caseIds ?? []).filter((x) => typeof x === 'string').slice(0, 5000);
    if (!ids.length) return [];
    const rows = await scopeOf(user).rows(
      this.orm.em.fork(),
      Callback,
      { caseId: { $in: ids } },
      { orderBy: [{ resolvedAt: 'desc' }, { round: 'desc' }, { id: 'asc' }] },
    );
    return rows.map(CallbackObject.from);
  }

  @ResolveField(() => [CustomerSurveyAnswerObject], { description: "The customer's survey answers, newest first." })
  async surveys(
    @Parent() file: CustomerFileRef,
    @CurrentUser() user: AuthUser,
    @Args('newest', { type: () => Int, nullable: true, description: 'Only the newest this many answers (1–1000); absent: every one.' })
    newest?: number | null,
  ): Promise<CustomerSurveyAnswerObject[]> {
    if (newest !== undefined && newest !== null && (!Number.isInteger(newest) || newest < 1 || newest > 1000)) {
      throw invalidInput('newest', 'newest must be between 1 and 1000');
    }
    const em = this.orm.em.fork();
    const responses = await plainRows(
      em,
      SurveyResponse,
      { customerId: file.customerId },
      { orderBy: [{ at: 'desc' }, { id: 'asc' }], limit: newest ?? undefined },
    );
    if (!responses.length) return [];
    // a response is the caller's to read when its survey lies within the caller's scope
    const surveys = await scopeOf(user).rows(em, Survey, { id: { $in: [...new Set(responses.map((r) => r.surveyId))] } });
    return responses.flatMap((r) => {
      const s = surveys.find((x) => x.id === r.surveyId);
      if (!s) return [];
      const answers = r.answers.map((a) => ({
        ...a,
        text: s.questions[a.question] ?? '',
        satisfaction: a.satisfaction ?? null,
        choice: a.choice ?? null,
        comment: a.comment ?? null,
      }));
      return [{ responseId: r.id, surveyId: s.id, siteId: s.siteId, kind: s.kind, period: s.period, at: r.at, answers }];
    });
  }
}
