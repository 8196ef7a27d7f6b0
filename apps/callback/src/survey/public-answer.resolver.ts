import { MikroORM } from '@mikro-orm/core';
import { Args, Float, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@pc/contracts';
import { AuthUser, CurrentUser, Roles } from '@pc/platform';
import { AnswerDraftObject, PublicAnswerObject, PublishSurveyAnswerInput, SurveyPublicAnswers } from './public-answer';

@Resolver()
export class SurveyPublicAnswerResolver {
  constructor(
    private readonly orm: MikroORM,
    private readonly answers: SurveyPublicAnswers,
  ) {}

  @Query(() => AnswerDraftObject, {
    description:
      "A draft of the annual survey's public answer: the problems many raised (at least `threshold` of the responses) and a text to complete.",
  })
  @Roles(Role.QUALITY)
  surveyAnswerDraft(
    @CurrentUser() user: AuthUser,
    @Args('surveyId', { type: () => ID }) surveyId: string,
    @Args('threshold', { type: () => Float, defaultValue: 0.1 }) threshold: number,
  ): Promise<AnswerDraftObject> {
    return this.answers.draft(this.orm.em.fork(), user, surveyId, threshold);
  }

  @Mutation(() => PublicAnswerObject, {
    description: "Publishes the annual survey's public answer (QUALITY): posted to the residents of the campaign's sites as a notice.",
  })
  @Roles(Role.QUALITY)
  async publishSurveyAnswer(@CurrentUser() user: AuthUser, @Args('input') input: PublishSurveyAnswerInput): Promise<PublicAnswerObject> {
    return PublicAnswerObject.from(await this.answers.publish(user, input));
  }
}
