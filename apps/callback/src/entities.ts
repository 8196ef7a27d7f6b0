import { directoryEntities } from '@pc/subgraph';
import { Callback, CallbackAttempt } from './callback/callback.entity';
import { QualityCheck, QualityCheckItem } from './quality/quality-check.entity';
import {
  FollowUpPlan,
  Questionnaire,
  Survey,
  SurveyPublicAnswer,
  SurveyResponse,
  SurveySample,
  SurveySchedule,
} from './survey/survey.entity';

export const CALLBACK_ENTITIES = [
  Callback,
  CallbackAttempt,
  Survey,
  SurveyResponse,
  FollowUpPlan,
  Questionnaire,
  SurveySample,
  SurveySchedule,
  SurveyPublicAnswer,
  QualityCheck,
  QualityCheckItem,
  ...directoryEntities({ customers: true }),
];
