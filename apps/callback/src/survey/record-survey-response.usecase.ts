import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Satisfaction, SurveyAnswered } from '@pc/contracts';
import { TransactionalOutbox } from '@pc/messaging';
import { Directory } from '@pc/subgraph';
import { Clock, conflict, inFuture, invalidInput, scopeOf } from '@pc/platform';
import { FollowUpPlan, Survey, SurveyResponse } from './survey.entity';
import type { RecordSurveyResponseCommand } from './commands/survey.commands';

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
    return this.tx.by(user).run(async (em, events) => {
      const survey = await scopeOf(user).load(em, Survey, input.surveyId, 'survey');
      // a customer of the surveyed site, known to intake's registry
      await this.directory.customer(em, user, input.customerId, survey.siteId);
      if (await em.count(SurveyResponse, { surveyId: survey.id, customerId: input.customerId })) {
        throw conflict('this customer has already answered this survey', 'customerId');
      }
      const asked = survey.questions.length;
      const answered = input.answers.map((a) => a.question).sort((a, b) => a - b);
      if (answered.some((q) => q >= asked)) throw invalidInput('answers', `the survey has questions 0–${asked - 1}`);
      if (answered.length !== asked || new Set(answered).size !== asked) {
        throw invalidInput('answers', `answer each of the ${asked} questions exactly once`);
      }
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
      const now = this.clock.now();
      const late = input.followUps.find((f) => f.dueAt.getTime() <= now.getTime());
      if (late) throw invalidInput('followUps.dueAt', `the plan for question ${late.question} must be due in the future`);
      input.followUps.forEach((f) => inFuture('followUps.dueAt', f.dueAt, now));

      const response = em.create(SurveyResponse, {
        id: randomUUID(),
        surveyId: survey.id,
        customerId: input.customerId,
        answers: input.answers
          .map((a) => ({ question: a.question, satisfaction: a.satisfaction, comment: a.comment ?? null }))
          .sort((a, b) => a.question - b.question),
        recordedBy: user.sub,
        at: now,
      });
      em.persist(response);
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
        answers: response.answers.map((a) => a.satisfaction),
        followUps: followUps.length,
        answeredAt: now.toISOString(),
      });
      return { survey, response, followUps };
    });
  }
}
