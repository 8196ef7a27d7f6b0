import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Satisfaction } from '@pc/contracts';
import { SurveyKind, type FollowUpPlan, type Survey } from './survey.entity';

registerEnumType(SurveyKind, { name: 'SurveyKind', description: 'Monthly visits, quarterly questionnaires, the annual survey.' });

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
  @Field(() => Int) responses: number;
  @Field(() => [SurveyItemResult]) results: SurveyItemResult[];

  static from(s: Survey, answers: { question: number; satisfaction: Satisfaction }[][]): SurveyObject {
    const level = (q: number, l: Satisfaction) => answers.filter((a) => a.some((x) => x.question === q && x.satisfaction === l)).length;
    return Object.assign(new SurveyObject(), {
      id: s.id,
      siteId: s.siteId,
      kind: s.kind,
      period: s.period,
      questions: s.questions,
      responses: answers.length,
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
export class FollowUpObject {
  @Field(() => ID) id: string;
  @Field(() => ID) surveyId: string;
  @Field(() => ID) siteId: string;
  @Field(() => Int) question: number;
  @Field() plan: string;
  @Field(() => ID) ownerId: string;
  @Field() dueAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) doneAt?: Date | null;

  static from(f: FollowUpPlan): FollowUpObject {
    return Object.assign(new FollowUpObject(), f);
  }
}
