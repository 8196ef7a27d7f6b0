import { SurveyKind } from './survey.entity';

export const PERIOD: Record<SurveyKind, RegExp> = {
  [SurveyKind.MONTHLY_VISIT]: /^\d{4}-(0[1-9]|1[0-2])$/,
  [SurveyKind.QUARTERLY_QUESTIONNAIRE]: /^\d{4}-Q[1-4]$/,
  [SurveyKind.ANNUAL_SURVEY]: /^\d{4}$/,
};
