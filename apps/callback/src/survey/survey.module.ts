import { Module } from '@nestjs/common';
import { DirectoryModule } from '@pc/subgraph';
import { SurveyResolver } from './survey.resolver';
import { CompleteFollowUp, CreateSurvey, RecordSurveyResponse } from './survey.usecases';

@Module({
  imports: [DirectoryModule.forRoot({ customers: true })],
  providers: [CreateSurvey, RecordSurveyResponse, CompleteFollowUp, SurveyResolver],
})
export class SurveyModule {}
