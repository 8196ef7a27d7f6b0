import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { DeliveryChannel, QuestionKind, Role, Satisfaction, SurveyAnswerPublished } from '@pc/contracts';
import { TransactionalOutbox } from '@pc/messaging';
import { AuthUser, Clock, assertRole, conflict, invalidInput, scopeOf, trimString } from '@pc/platform';
import { Survey, SurveyKind, SurveyPublicAnswer, SurveyResponse, itemsOf, type SurveyAnswer, type SurveyQuestion } from './survey.entity';

/** A problem many raised: a category (a question's category, else its text) with how many answered it dissatisfied or in words. */
export interface RaisedProblem {
  category: string;
  dissatisfied: number;
  inWords: number;
  /** (dissatisfied + in words) / responses. */
  share: number;
}

/** The placeholder a draft leaves for the company's answer; a body still holding it is not published. */
export const TO_FILL = '【请填写我们的回应】';

/**
 * Rule (issue 31, the public answer): the problems many raised are the categories (a question's
 * category, else the question) whose dissatisfied answers and answers in words, together, reach
 * `threshold` of the responses; most raised first.
 */
export function problemsManyRaised(
  questions: SurveyQuestion[][],
  responses: { surveyIndex: number; answers: SurveyAnswer[] }[],
  threshold: number,
): RaisedProblem[] {
  const per = new Map<string, { dissatisfied: number; inWords: number }>();
  for (const r of responses) {
    for (const a of r.answers) {
      const q = questions[r.surveyIndex]?.[a.question];
      if (!q) continue;
      const key = q.category || q.text;
      const entry = per.get(key) ?? { dissatisfied: 0, inWords: 0 };
      if (a.satisfaction === Satisfaction.DISSATISFIED) entry.dissatisfied++;
      if (q.kind === QuestionKind.TEXT && a.comment) entry.inWords++;
      per.set(key, entry);
    }
  }
  const total = responses.length;
  return [...per.entries()]
    .map(([category, e]) => ({ category, ...e, share: total ? Math.round(((e.dissatisfied + e.inWords) / total) * 10_000) / 10_000 : 0 }))
    .filter((p) => total > 0 && p.dissatisfied + p.inWords > 0 && p.share >= threshold)
    .sort((a, b) => b.share - a.share || a.category.localeCompare(b.category));
}

@ObjectType('SurveyRaisedProblem')
export class RaisedProblemObject {
  @Field() category: string;
  @Field(() => Int) dissatisfied: number;
  @Field(() => Int, { description: 'Answers in words in this category.' }) inWords: number;
  @Field(() => Float) share: number;
}

@ObjectType('SurveyAnswerDraft', {
  description: "A draft of the annual survey's public answer: the problems many raised, and a text to complete.",
})
export class AnswerDraftObject {
  @Field(() => ID) surveyId: string;
  @Field(() => Int) responses: number;
  @Field(() => [RaisedProblemObject]) problems: RaisedProblemObject[];
  @Field() title: string;
  @Field({ description: `Each problem with ${TO_FILL} where the company's answer goes.` }) body: string;
}

@ObjectType('SurveyPublicAnswer')
export class PublicAnswerObject {
  @Field(() => ID) id: string;
  @Field(() => ID) surveyId: string;
  @Field(() => [ID]) siteIds: string[];
  @Field() title: string;
  @Field() body: string;
  @Field(() => [DeliveryChannel]) channels: string[];
  @Field(() => ID) approvedBy: string;
  @Field() publishedAt: Date;

  static from(a: SurveyPublicAnswer): PublicAnswerObject {
    return Object.assign(new PublicAnswerObject(), a);
  }
}

@InputType({ description: "The annual survey's public answer, approved by the quality department and posted to the residents." })
export class PublishSurveyAnswerInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) surveyId: string;
  @Field() @Transform(trimString) @IsString() @IsNotEmpty() @MaxLength(200) title: string;
  @Field() @Transform(trimString) @IsString() @IsNotEmpty() @MaxLength(5000) body: string;
  @Field(() => [DeliveryChannel], { defaultValue: [], description: "Besides the residents' page: SMS, WECOM, DINGTALK, FEISHU, WEBHOOK." })
  @IsArray()
  @ArrayMaxSize(5)
  @IsEnum(DeliveryChannel, { each: true })
  channels: DeliveryChannel[] = [];
}

/** The campaign's surveys: the group's (an organisation-wide campaign, within the caller's scope) or the one. */
async function campaignOf(em: EntityManager, user: AuthUser, surveyId: string): Promise<{ survey: Survey; surveys: Survey[] }> {
  const survey = await scopeOf(user).load(em, Survey, surveyId, 'survey');
  if (survey.kind !== SurveyKind.ANNUAL_SURVEY) throw invalidInput('surveyId', 'a public answer is for the annual survey');
  const surveys = survey.groupId
    ? await scopeOf(user).find(em, Survey, { groupId: survey.groupId }, { orderBy: { siteId: 'asc' } })
    : [survey];
  return { survey, surveys };
}

/** The annual survey's public answer (seed 004): drafted from the answers, approved and published by QUALITY. */
@Injectable()
export class SurveyPublicAnswers {
  constructor(
    private readonly tx: TransactionalOutbox,
    private readonly clock: Clock,
  ) {}

  async draft(em: EntityManager, user: AuthUser, surveyId: string, threshold: number): Promise<AnswerDraftObject> {
    if (!(threshold > 0 && threshold <= 1)) throw invalidInput('threshold', 'threshold is a share above 0 and at most 1');
    const { survey, surveys } = await campaignOf(em, user, surveyId);
    const responses = await em.find(SurveyResponse, { surveyId: { $in: surveys.map((s) => s.id) } }, { fields: ['surveyId', 'answers'] });
    const problems = problemsManyRaised(
      surveys.map(itemsOf),
      responses.map((r) => ({ surveyIndex: surveys.findIndex((s) => s.id === r.surveyId), answers: r.answers })),
      threshold,
    );
    const lines = problems.map((p, i) => `${i + 1}. ${p.category}（${p.dissatisfied + p.inWords} 位住户反映）：${TO_FILL}`);
    return Object.assign(new AnswerDraftObject(), {
      surveyId: survey.id,
      responses: responses.length,
      problems,
      title: `${survey.period} 年度客户满意度调查：大家反映的问题与我们的回应`,
      body: [
        `感谢各位业主、住户参与 ${survey.period} 年度满意度调查（共 ${responses.length} 份答卷）。针对大家集中反映的问题，我们的回应如下：`,
        ...lines,
      ].join('\n'),
    });
  }

  publish(user: AuthUser, input: PublishSurveyAnswerInput): Promise<SurveyPublicAnswer> {
    return this.tx.by(user).run(async (em, events) => {
      assertRole(user, [Role.QUALITY, Role.ADMIN]);
      const { survey, surveys } = await campaignOf(em, user, input.surveyId);
      if (input.body.includes(TO_FILL)) throw invalidInput('body', `write the company's answer where the draft says ${TO_FILL}`);
      const campaignKey = survey.groupId ?? survey.id;
      if (await em.count(SurveyPublicAnswer, { orgId: user.org, campaignKey })) {
        throw conflict('the public answer to this survey was published already', 'surveyId');
      }
      const now = this.clock.now();
      const answer = em.create(SurveyPublicAnswer, {
        id: randomUUID(),
        orgId: user.org,
        campaignKey,
        surveyId: survey.id,
        siteIds: surveys.map((s) => s.siteId),
        title: input.title,
        body: input.body,
        channels: [...new Set(input.channels)],
        approvedBy: user.sub,
        publishedAt: now,
      });
      em.persist(answer);
      events.publish(SurveyAnswerPublished, {
        orgId: user.org,
        answerId: answer.id,
        surveyId: survey.id,
        siteIds: answer.siteIds,
        title: answer.title,
        body: answer.body,
        channels: answer.channels,
        publishedAt: now.toISOString(),
      });
      return answer;
    });
  }
}
