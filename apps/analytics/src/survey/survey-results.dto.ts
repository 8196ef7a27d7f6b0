import { Directive, Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('SatisfactionIndex', {
  description: 'Over the four-level answers: share = (very satisfied + satisfied) / answers; score = 100/80/60/0 per level, averaged.',
})
export class SatisfactionIndexObject {
  @Field(() => Int) answers: number;
  @Field(() => Float, { nullable: true }) share: number | null;
  @Field(() => Float, { nullable: true }) score: number | null;
}

@ObjectType('SurveyChoiceCount')
export class ChoiceCountObject {
  @Field() option: string;
  @Field(() => Int) count: number;
}

@ObjectType('SurveyQuestionResult', { description: 'How the answers to one question fell.' })
export class QuestionResultObject {
  @Field(() => Int) question: number;
  @Field() text: string;
  @Field() kind: string;
  @Field(() => String, { nullable: true }) category: string | null;
  @Field(() => Int) verySatisfied: number;
  @Field(() => Int) satisfied: number;
  @Field(() => Int) basicallySatisfied: number;
  @Field(() => Int) dissatisfied: number;
  @Field(() => SatisfactionIndexObject) index: SatisfactionIndexObject;
  @Field(() => [ChoiceCountObject], { description: "A CHOICE question's options, each with its count (every option, zero included)." })
  choices: ChoiceCountObject[];
}

@ObjectType('SurveyAreaResult')
export class AreaResultObject {
  @Field(() => ID, { nullable: true, description: 'null: customers of no known area.' }) areaId: string | null;
  @Field(() => Int) responses: number;
  @Field(() => SatisfactionIndexObject) index: SatisfactionIndexObject;
}

@ObjectType('SurveyTextGroup', {
  description: "Free-text answers and comments grouped by their question's category (or, without one, the question).",
})
export class TextGroupObject {
  @Field() category: string;
  @Field(() => Int) count: number;
  @Field(() => [String], { description: 'The newest 50.' }) answers: string[];
}

/** callback's follow-up plan, named here by its id (resolved by callback through federation). */
@ObjectType('SurveyFollowUp')
@Directive('@key(fields: "id", resolvable: false)')
export class FollowUpRef {
  @Field(() => ID) id: string;
}

@ObjectType('SurveyDissatisfiedItem')
export class DissatisfiedItemObject {
  @Field(() => ID) responseId: string;
  @Field(() => Int) question: number;
  @Field(() => ID, { nullable: true }) customerId: string | null;
  @Field(() => ID, { nullable: true }) areaId: string | null;
  @Field(() => FollowUpRef, { nullable: true, description: 'Its follow-up plan (owner, due date, done), from callback.' })
  followUp: FollowUpRef | null;
}

@ObjectType('SurveyPreviousResult', { description: 'The previous campaign of the same site and kind, and the change since.' })
export class PreviousResultObject {
  @Field(() => ID) surveyId: string;
  @Field() period: string;
  @Field(() => SatisfactionIndexObject) index: SatisfactionIndexObject;
  @Field(() => Float, { nullable: true, description: 'This share minus that one.' }) shareChange: number | null;
  @Field(() => Float, { nullable: true, description: 'This score minus that one.' }) scoreChange: number | null;
}

@ObjectType('SurveySiteResult')
export class SiteResultObject {
  @Field(() => ID) siteId: string;
  @Field(() => ID) surveyId: string;
  @Field(() => Int, { nullable: true }) sampleSize: number | null;
  @Field(() => Int) responses: number;
  @Field(() => Float, { nullable: true }) responseRate: number | null;
  @Field(() => SatisfactionIndexObject) index: SatisfactionIndexObject;
}

@ObjectType('SurveyGroupResult', { description: 'The organisation-wide campaign this one belongs to, over the sites the caller may see.' })
export class GroupResultObject {
  @Field(() => ID) groupId: string;
  @Field(() => Int) sampleSize: number;
  @Field(() => Int) responses: number;
  @Field(() => Float, { nullable: true }) responseRate: number | null;
  @Field(() => SatisfactionIndexObject) index: SatisfactionIndexObject;
  @Field(() => [SiteResultObject]) sites: SiteResultObject[];
}

@ObjectType('SurveyResults', { description: "A campaign's results (issue 31), from analytics' read model." })
export class SurveyResultsObject {
  @Field(() => ID) surveyId: string;
  @Field(() => ID) siteId: string;
  @Field() kind: string;
  @Field() period: string;
  @Field(() => Int, { nullable: true, description: 'null: no sample, every customer of the site may answer.' }) sampleSize: number | null;
  @Field(() => Int) responses: number;
  @Field(() => Float, { nullable: true }) responseRate: number | null;
  @Field(() => SatisfactionIndexObject) index: SatisfactionIndexObject;
  @Field(() => PreviousResultObject, { nullable: true }) previous: PreviousResultObject | null;
  @Field(() => [QuestionResultObject]) questions: QuestionResultObject[];
  @Field(() => [AreaResultObject]) areas: AreaResultObject[];
  @Field(() => [TextGroupObject]) texts: TextGroupObject[];
  @Field(() => [DissatisfiedItemObject], { description: 'Every dissatisfied answer (the first 1,000), with its follow-up plan.' })
  dissatisfied: DissatisfiedItemObject[];
  @Field(() => GroupResultObject, { nullable: true }) group: GroupResultObject | null;
}
