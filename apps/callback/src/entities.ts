import { directoryEntities } from '@pc/subgraph';
import { Callback, CallbackAttempt } from './callback/callback.entity';
import { FollowUpPlan, Survey, SurveyResponse } from './survey/survey.entity';

export const CALLBACK_ENTITIES = [
  Callback,
  CallbackAttempt,
  Survey,
  SurveyResponse,
  FollowUpPlan,
  ...directoryEntities({ customers: true }),
];
