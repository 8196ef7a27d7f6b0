import { Directive, Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { QuestionKind, Satisfaction, SurveyCustomerKind } from '@pc/contracts';
import { SampleMode } from './dto/survey.inputs';
import {
  SurveyKind,
  SurveyStatus,
  itemsOf,
  type FollowUpPlan,
  type Questionnaire,
  type Survey,
  type SurveySample,
  type SurveySchedule,
} from './survey.entity';

/** A follow-up plan done is called back to its customer within this many hours (domain.md §4: 24). */
export const FOLLOW_UP_CALLBACK_HOURS = 24;

registerEnumType(SurveyKind, { name: 'SurveyKind', description: 'Monthly visits, quarterly questionnaires, the annual survey.' });
registerEnumType(SurveyStatus, { name: 'SurveyStatus', description: 'Whether a campaign still takes answers.' });
registerEnumType(QuestionKind, {
  name: 'QuestionKind',
  description: 'On the four levels (SCALE), one of its options (CHOICE), or in words (TEXT).',
});
registerEnumType(SampleMode, { name: 'SampleMode', description: "Everyone, a number or a share of the site's customers." });
registerEnumType(SurveyCustomerKind, {
  name: 'SurveyCustomerKind',
  description: 'Owner, tenant or other (survey samples are stratified by it).',
});

@ObjectType('SurveyQuestion')
export class SurveyQuestionObject {
  @Field() text: string;
  @Field(() => QuestionKind) kind: QuestionKind;
  @Field(() => [String], { nullable: true }) options?: string[] | null;
  @Field(() => String, { nullable: true }) category?: string | null;
}

@ObjectType('Questionnaire', { description: 'A questionnaire version (问卷), reusable between campaigns.' })
export class QuestionnaireObject {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => Int) version: number;
  @Field(() => [SurveyQuestionObject]) questions: SurveyQuestionObject[];
  @Field(() => GraphQLISODateTime) createdAt: Date;

  static from(q: Questionnaire): QuestionnaireObject {
    return Object.assign(new QuestionnaireObject(), q);
  }
}

@ObjectType('SurveySampleRule')
export class SampleRuleObject {
  @Field(() => SampleMode) mode: SampleMode;
  @Field(() => Int, { nullable: true }) size?: number | null;
  @Field(() => Float, { nullable: true }) share?: number | null;
  @Field() stratify: boolean;
  @Field(() => Int) excludeSurveyedWithinDays: number;
  @Field() seed: string;
}

@ObjectType('SurveySampleMember', { description: 'A customer drawn into a campaign, and whether they answered.' })
export class SampleMemberObject {
  @Field(() => ID) customerId: string;
  @Field(() => ID, { nullable: true }) areaId?: string | null;
  @Field(() => SurveyCustomerKind, { nullable: true }) kind?: SurveyCustomerKind | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) answeredAt?: Date | null;

  static from(s: SurveySample): SampleMemberObject {
    return Object.assign(new SampleMemberObject(), { customerId: s.customerId, areaId: s.areaId, kind: s.kind, answeredAt: s.answeredAt });
  }
}

@ObjectType('SurveyItemResult', { description: 'How the answers to one question fell on the four levels.' })
export class SurveyItemResult {
  @Field(() => Int) question: number;
  @Field() text: string;
  @Field(() => Int) verySatisfied: number;
  @Field(() => Int) satisfied: number;
  @Field(() => Int) basicallySatisfied: number;
  @Field(() => Int) dissatisfied: number;
}

@ObjectType('Survey')
export class SurveyObject {
  @Field(() => ID) id: string;
  @Field(() => ID) siteId: string;
  @Field(() => SurveyKind) kind: SurveyKind;
  @Field() period: string;
  @Field(() => [String]) questions: string[];
  @Field(() => [SurveyQuestionObject], { description: 'The questions with their kinds.' }) items: SurveyQuestionObject[];
  @Field(() => SurveyStatus) status: SurveyStatus;
  @Field(() => ID, { nullable: true, description: 'The campaign of the whole organisation this site campaign belongs to.' })
  groupId?: string | null;
  @Field(() => ID, { nullable: true }) questionnaireId?: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) closesAt?: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) closedAt?: Date | null;
  @Field(() => SampleRuleObject, { nullable: true, description: 'How the sample was drawn; null: every customer of the site may answer.' })
  sampleRule?: SampleRuleObject | null;
  @Field(() => Int, { nullable: true }) sampleSize?: number | null;
  @Field(() => Int) responses: number;
  @Field(() => Float, { nullable: true, description: 'Answers / sample size, live (null without a sample).' })
  responseRate: number | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => [SurveyItemResult]) results: SurveyItemResult[];

  static from(s: Survey, answers: { question: number; satisfaction?: Satisfaction | null }[][]): SurveyObject {
    const level = (q: number, l: Satisfaction) => answers.filter((a) => a.some((x) => x.question === q && x.satisfaction === l)).length;
    const sampleSize = s.sampleSize ?? null;
    return Object.assign(new SurveyObject(), {
      id: s.id,
      siteId: s.siteId,
      kind: s.kind,
      period: s.period,
      questions: s.questions,
      items: itemsOf(s),
      status: s.status,
      groupId: s.groupId ?? null,
      questionnaireId: s.questionnaireId ?? null,
      closesAt: s.closesAt ?? null,
      closedAt: s.closedAt ?? null,
      sampleRule: s.sampleRule ?? null,
      sampleSize,
      responses: answers.length,
      responseRate: sampleSize ? Math.round((answers.length / sampleSize) * 10_000) / 10_000 : null,
      createdAt: s.createdAt,
      results: s.questions.map((text, q) => ({
        question: q,
        text,
        verySatisfied: level(q, Satisfaction.VERY_SATISFIED),
        satisfied: level(q, Satisfaction.SATISFIED),
        basicallySatisfied: level(q, Satisfaction.BASICALLY_SATISFIED),
        dissatisfied: level(q, Satisfaction.DISSATISFIED),
      })),
    });
  }
}

@ObjectType('SurveyFollowUp')
@Directive('@key(fields: "id")')
export class FollowUpObject {
  @Field(() => ID) id: string;
  @Field(() => ID) surveyId: string;
  @Field(() => ID) siteId: string;
  @Field(() => Int) question: number;
  @Field() plan: string;
  @Field(() => ID) ownerId: string;
  @Field() dueAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) doneAt?: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When its clock announced it overdue.' }) overdueAt?: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Done: the customer is called back by then (24 hours).' })
  callbackDueAt?: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) calledBackAt?: Date | null;
  @Field(() => ID, { nullable: true }) calledBackBy?: string | null;
  @Field(() => Satisfaction, { nullable: true }) callbackSatisfaction?: Satisfaction | null;
  @Field(() => String, { nullable: true }) callbackNote?: string | null;

  static from(f: FollowUpPlan): FollowUpObject {
    return Object.assign(new FollowUpObject(), f, {
      callbackDueAt: f.doneAt ? new Date(f.doneAt.getTime() + FOLLOW_UP_CALLBACK_HOURS * 3_600_000) : null,
    });
  }
}

@ObjectType('SurveySchedule', { description: "A site's standing order for monthly visits or quarterly questionnaires." })
export class SurveyScheduleObject {
  @Field(() => ID) id: string;
  @Field(() => ID) siteId: string;
  @Field(() => SurveyKind) kind: SurveyKind;
  @Field(() => ID) questionnaireId: string;
  @Field(() => SampleRuleObject) sampleRule: SampleRuleObject;
  @Field() active: boolean;
  @Field({ description: 'The period its next campaign is for.' }) nextPeriod: string;
  @Field(() => GraphQLISODateTime, { description: 'When that campaign opens.' }) nextRunAt: Date;
  @Field(() => ID, { nullable: true }) lastSurveyId?: string | null;
  @Field(() => String, { nullable: true, description: 'Why the last campaign could not open.' }) lastError?: string | null;

  static from(s: SurveySchedule): SurveyScheduleObject {
    return Object.assign(new SurveyScheduleObject(), s);
  }
}
