import { Module } from '@nestjs/common';
import { DirectoryModule } from '@pc/subgraph';
import { SurveyResolver } from './survey.resolver';
import { CompleteFollowUp } from './complete-follow-up.usecase';
import { CreateSurvey } from './create-survey.usecase';
import { RecordSurveyResponse } from './record-survey-response.usecase';

@Module({
  imports: [DirectoryModule.forRoot({ customers: true })],
  providers: [CreateSurvey, RecordSurveyResponse, CompleteFollowUp, SurveyResolver],
})
export class SurveyModule {}
