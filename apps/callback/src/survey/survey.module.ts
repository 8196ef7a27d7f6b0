import { Module } from '@nestjs/common';
import { SurveyResolver } from './survey.resolver';
import { CompleteFollowUp, CreateSurvey, RecordSurveyResponse } from './survey.usecases';

@Module({ providers: [CreateSurvey, RecordSurveyResponse, CompleteFollowUp, SurveyResolver] })
export class SurveyModule {}
