import { Module } from '@nestjs/common';
import { DirectoryModule } from '@pc/subgraph';
import { SurveyFollowUpResolver, SurveyResolver } from './survey.resolver';
import { LaunchSurveyCampaign, SaveQuestionnaire } from './campaign.usecases';
import { CompleteFollowUp } from './complete-follow-up.usecase';
import { CreateSurvey } from './create-survey.usecase';
import { RecordSurveyResponse } from './record-survey-response.usecase';

@Module({
  imports: [DirectoryModule.forRoot({ customers: true })],
  providers: [
    CreateSurvey,
    RecordSurveyResponse,
    CompleteFollowUp,
    SaveQuestionnaire,
    LaunchSurveyCampaign,
    SurveyResolver,
    SurveyFollowUpResolver,
  ],
})
export class SurveyModule {}
