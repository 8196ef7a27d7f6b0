import { Module } from '@nestjs/common';
import { timerOptionsFrom } from '@pc/messaging';
import { ServiceConfig } from '@pc/platform';
import { DirectoryModule } from '@pc/subgraph';
import { OverdueFollowUps, SURVEY_TIMER_OPTIONS, ScheduleSurveys, ScheduledCampaigns, SurveyScheduler } from './survey-clocks';
import { SurveyFollowUpResolver, SurveyResolver } from './survey.resolver';
import { LaunchSurveyCampaign, SaveQuestionnaire } from './campaign.usecases';
import { CompleteFollowUp } from './complete-follow-up.usecase';
import { SurveyPublicAnswers } from './public-answer';
import { SurveyPublicAnswerResolver } from './public-answer.resolver';
import { CreateSurvey } from './create-survey.usecase';
import { RecordSurveyResponse } from './record-survey-response.usecase';

@Module({
  imports: [DirectoryModule.forRoot({ customers: true })],
  providers: [
    { provide: SURVEY_TIMER_OPTIONS, inject: [ServiceConfig], useFactory: timerOptionsFrom },
    ScheduleSurveys,
    ScheduledCampaigns,
    OverdueFollowUps,
    SurveyScheduler,
    CreateSurvey,
    RecordSurveyResponse,
    CompleteFollowUp,
    SaveQuestionnaire,
    LaunchSurveyCampaign,
    SurveyResolver,
    SurveyFollowUpResolver,
    SurveyPublicAnswers,
    SurveyPublicAnswerResolver,
  ],
})
export class SurveyModule {}
