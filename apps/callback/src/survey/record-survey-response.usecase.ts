import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { QuestionKind, Satisfaction, SurveyAnswered } from '@pc/contracts';
import { TransactionalOutbox } from '@pc/messaging';
import { Directory } from '@pc/subgraph';
import { Clock, conflict, inFuture, invalidInput, scopeOf } from '@pc/platform';
import { FollowUpPlan, Survey, SurveyResponse, SurveySample, itemsOf, type SurveyQuestion } from './survey.entity';
import { takesAnswers } from './campaign.usecases';
import type { RecordSurveyResponseCommand, SurveyAnswer } from './commands/survey.commands';

/** Rule (issue 31): a scale question is answered on the four levels, a choice question by one of its options, a text question in words. */
export function checkAnswer(q: SurveyQuestion, a: SurveyAnswer, field: string): void {
  if (q.kind === QuestionKind.SCALE) {
    if (!a.satisfaction) throw invalidInput(`${field}.satisfaction`, `question ${a.question} is answered on the four levels`);
    if (a.choice) throw invalidInput(`${field}.choice`, `question ${a.question} has no options`);
  } else if (q.kind === QuestionKind.CHOICE) {
    if (a.satisfaction) throw invalidInput(`${field}.satisfaction`, `question ${a.question} is answered by one of its options`);
    if (!a.choice || !q.options?.includes(a.choice)) {
      throw invalidInput(`${field}.choice`, `question ${a.question} is answered by one of: ${(q.options ?? []).join(', ')}`);
    }
  } else {
    if (a.satisfaction || a.choice) throw invalidInput(field, `question ${a.question} is answered in words (comment)`);
    if (!a.comment?.trim()) throw invalidInput(`${field}.comment`, `question ${a.question} is answered in words`);
  }
}

/**
 * One customer's answers on the four levels. Every question is answered once; every dissatisfied
 * item gets a follow-up plan with an owner and a due date (domain.md §4), and only those do.
 */
@Injectable()
export class RecordSurveyResponse {
  constructor(
    private readonly tx: TransactionalOutbox,
    private readonly clock: Clock,
    private readonly directory: Directory,
  ) {}

  execute(c: RecordSurveyResponseCommand): Promise<{ survey: Survey; response: SurveyResponse; followUps: FollowUpPlan[] }> {
    const { actor: user, ...input } = c;
    return this.answer(user, input).catch((e: unknown) => {
      // two answers of one customer at once: the database keeps the first (unique survey and customer)
      if (e instanceof UniqueConstraintViolationException) throw conflict('this customer has already answered this survey', 'customerId');
      throw e;
    });
  }

  private answer(
    user: RecordSurveyResponseCommand['actor'],
    input: Omit<RecordSurveyResponseCommand, 'actor'>,
  ): Promise<{ survey: Survey; response: SurveyResponse; followUps: FollowUpPlan[] }> {
    return this.tx.by(user).run(async (em, events) => {
      const survey = await scopeOf(user).load(em, Survey, input.surveyId, 'survey');
      const now = this.clock.now();
      // a customer of the surveyed site, known to intake's registry
      const customer = await this.directory.customer(em, user, input.customerId, survey.siteId);
      if (!takesAnswers(survey, now)) throw conflict('the campaign is closed: it takes no more answers', 'surveyId');
      const sampled = survey.sampleSize !== null && survey.sampleSize !== undefined;
      const drawn = sampled ? await em.findOne(SurveySample, { surveyId: survey.id, customerId: input.customerId }) : null;
      if (sampled && !drawn) throw invalidInput('customerId', "the customer is not in this campaign's sample");
      if (await em.count(SurveyResponse, { surveyId: survey.id, customerId: input.customerId })) {
        throw conflict('this customer has already answered this survey', 'customerId');
      }
      const items = itemsOf(survey);
      const asked = items.length;
      const answered = input.answers.map((a) => a.question).sort((a, b) => a - b);
      if (answered.some((q) => q >= asked)) throw invalidInput('answers', `the survey has questions 0–${asked - 1}`);
      if (answered.length !== asked || new Set(answered).size !== asked) {
        throw invalidInput('answers', `answer each of the ${asked} questions exactly once`);
      }
      input.answers.forEach((a, i) => checkAnswer(items[a.question], a, `answers.${i}`));
      const dissatisfied = input.answers
        .filter((a) => a.satisfaction === Satisfaction.DISSATISFIED)
        .map((a) => a.question)
        .sort((a, b) => a - b);
      const planned = input.followUps.map((f) => f.question).sort((a, b) => a - b);
      const missing = dissatisfied.filter((q) => !planned.includes(q));
      if (missing.length) {
        throw invalidInput(
          'followUps',
          `each dissatisfied item needs a follow-up plan with an owner and a due date; missing for question ${missing.join(', ')}`,
        );
      }
      if (planned.length !== dissatisfied.length || planned.some((q, i) => q !== dissatisfied[i])) {
        throw invalidInput('followUps', 'one follow-up plan per dissatisfied item, and only for those');
      }
      const late = input.followUps.find((f) => f.dueAt.getTime() <= now.getTime());
      if (late) throw invalidInput('followUps.dueAt', `the plan for question ${late.question} must be due in the future`);
      input.followUps.forEach((f) => inFuture('followUps.dueAt', f.dueAt, now));

      const response = em.create(SurveyResponse, {
        id: randomUUID(),
        surveyId: survey.id,
        customerId: input.customerId,
        answers: input.answers
          .map((a) => ({
            question: a.question,
            ...(a.satisfaction ? { satisfaction: a.satisfaction } : {}),
            ...(a.choice ? { choice: a.choice } : {}),
            comment: a.comment?.trim() || null,
          }))
          .sort((a, b) => a.question - b.question),
        recordedBy: user.sub,
        at: now,
      });
      em.persist(response);
      if (drawn) drawn.answeredAt = now;
      const followUps = input.followUps.map((f) =>
        em.create(FollowUpPlan, {
          id: randomUUID(),
          orgId: survey.orgId,
          siteId: survey.siteId,
          surveyId: survey.id,
          responseId: response.id,
          question: f.question,
          plan: f.plan,
          ownerId: f.ownerId,
          dueAt: f.dueAt,
        }),
      );
      followUps.forEach((f) => em.persist(f));
      events.publish(SurveyAnswered, {
        orgId: survey.orgId,
        siteId: survey.siteId,
        surveyId: survey.id,
        responseId: response.id,
        surveyKind: survey.kind,
        period: survey.period,
        answers: response.answers.filter((a) => a.satisfaction).map((a) => a.satisfaction as Satisfaction),
        followUps: followUps.length,
        answeredAt: now.toISOString(),
        items: response.answers.map((a) => ({
          question: a.question,
          kind: items[a.question].kind,
          ...(a.satisfaction ? { satisfaction: a.satisfaction } : {}),
          ...(a.choice ? { choice: a.choice } : {}),
          ...(a.comment ? { text: a.comment } : {}),
          ...(followUps.find((f) => f.question === a.question) ? { followUpId: followUps.find((f) => f.question === a.question)!.id } : {}),
        })),
        ...(survey.groupId ? { groupId: survey.groupId } : {}),
        customerId: input.customerId,
        ...(customer.areaId ? { areaId: customer.areaId } : {}),
        ...(customer.kind ? { customerKind: customer.kind } : {}),
      });
      return { survey, response, followUps };
    });
  }
}
