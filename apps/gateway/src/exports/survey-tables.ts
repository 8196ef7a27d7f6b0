import { col, type Cell, type Table } from './export-tables';

/** A survey campaign's results as analytics answers them (issue 31), for the xlsx/csv export. */
export const SURVEY_RESULTS_QUERY = `query ExportSurveyResults($s: ID!) { surveyResults(surveyId: $s) {
  surveyId siteId kind period sampleSize responses responseRate index { answers share score }
  previous { period shareChange scoreChange }
  questions { question text kind category verySatisfied satisfied basicallySatisfied dissatisfied index { share score } choices { option count } }
  areas { areaId responses index { share score } } texts { category count answers }
  dissatisfied { responseId question customerId areaId followUp { id } }
  group { sites { siteId responses responseRate index { share score } } } } }`;

interface Index {
  answers?: number;
  share: number | null;
  score: number | null;
}
export interface SurveyResultsAnswer {
  surveyId: string;
  siteId: string;
  kind: string;
  period: string;
  sampleSize: number | null;
  responses: number;
  responseRate: number | null;
  index: Index;
  previous: { period: string; shareChange: number | null; scoreChange: number | null } | null;
  questions: {
    question: number;
    text: string;
    kind: string;
    category: string | null;
    verySatisfied: number;
    satisfied: number;
    basicallySatisfied: number;
    dissatisfied: number;
    index: Index;
    choices: { option: string; count: number }[];
  }[];
  areas: { areaId: string | null; responses: number; index: Index }[];
  texts: { category: string; count: number; answers: string[] }[];
  dissatisfied: {
    responseId: string;
    question: number;
    customerId: string | null;
    areaId: string | null;
    followUp: { id: string } | null;
  }[];
  group: { sites: { siteId: string; responses: number; responseRate: number | null; index: Index }[] } | null;
}

const SUMMARY = [
  col('period', '期间', 'Period'),
  col('kind', '类型', 'Kind'),
  col('siteId', '项目', 'Site'),
  col('sampleSize', '样本数', 'Sample size'),
  col('responses', '已答', 'Answers'),
  col('responseRate', '回收率', 'Response rate'),
  col('share', '满意率（非常满意+满意）', 'Satisfied share (very satisfied + satisfied)'),
  col('score', '满意度得分（100/80/60/0）', 'Score (100/80/60/0)'),
  col('previous', '上期', 'Previous campaign'),
  col('shareChange', '满意率变化', 'Change of the share'),
  col('scoreChange', '得分变化', 'Change of the score'),
];
const QUESTIONS = [
  col('question', '题号', 'Question'),
  col('text', '问题', 'Text'),
  col('kind', '题型', 'Kind'),
  col('category', '类别', 'Category'),
  col('verySatisfied', '非常满意', 'Very satisfied'),
  col('satisfied', '满意', 'Satisfied'),
  col('basicallySatisfied', '基本满意', 'Basically satisfied'),
  col('dissatisfied', '不满意', 'Dissatisfied'),
  col('share', '满意率', 'Satisfied share'),
  col('score', '得分', 'Score'),
  col('choices', '选项（人数）', 'Options (count)'),
];
const AREAS = [
  col('areaId', '区域', 'Area'),
  col('responses', '已答', 'Answers'),
  col('share', '满意率', 'Satisfied share'),
  col('score', '得分', 'Score'),
];
const SITES = [
  col('siteId', '项目', 'Site'),
  col('responses', '已答', 'Answers'),
  col('responseRate', '回收率', 'Response rate'),
  col('share', '满意率', 'Satisfied share'),
  col('score', '得分', 'Score'),
];
const DISSATISFIED = [
  col('question', '题号', 'Question'),
  col('customerId', '客户', 'Customer'),
  col('areaId', '区域', 'Area'),
  col('responseId', '答卷', 'Response'),
  col('followUpId', '跟进计划', 'Follow-up plan'),
];
const TEXTS = [col('category', '类别', 'Category'), col('count', '条数', 'Count'), col('answer', '意见', 'View')];

/** The export's sheets: the summary, per question, per area, the group's sites, dissatisfied items, views in words. */
export function surveyResultsTables(r: SurveyResultsAnswer): Table[] {
  const tables: Table[] = [
    {
      name: { zh: '汇总', en: 'Summary' },
      columns: SUMMARY,
      rows: [
        {
          period: r.period,
          kind: r.kind,
          siteId: r.siteId,
          sampleSize: r.sampleSize,
          responses: r.responses,
          responseRate: r.responseRate,
          share: r.index.share,
          score: r.index.score,
          previous: r.previous?.period ?? null,
          shareChange: r.previous?.shareChange ?? null,
          scoreChange: r.previous?.scoreChange ?? null,
        },
      ],
    },
    {
      name: { zh: '各题', en: 'Questions' },
      columns: QUESTIONS,
      rows: r.questions.map((q) => ({
        question: q.question + 1,
        text: q.text,
        kind: q.kind,
        category: q.category,
        verySatisfied: q.verySatisfied,
        satisfied: q.satisfied,
        basicallySatisfied: q.basicallySatisfied,
        dissatisfied: q.dissatisfied,
        share: q.index.share,
        score: q.index.score,
        choices: q.choices.map((c) => `${c.option} ${c.count}`).join('；') || null,
      })),
    },
    {
      name: { zh: '各区域', en: 'Areas' },
      columns: AREAS,
      rows: r.areas.map((a): Record<string, Cell> => ({
        areaId: a.areaId,
        responses: a.responses,
        share: a.index.share,
        score: a.index.score,
      })),
    },
  ];
  if (r.group) {
    tables.push({
      name: { zh: '各项目', en: 'Sites' },
      columns: SITES,
      rows: r.group.sites.map((s) => ({
        siteId: s.siteId,
        responses: s.responses,
        responseRate: s.responseRate,
        share: s.index.share,
        score: s.index.score,
      })),
    });
  }
  tables.push(
    {
      name: { zh: '不满意项', en: 'Dissatisfied items' },
      columns: DISSATISFIED,
      rows: r.dissatisfied.map((d) => ({
        question: d.question + 1,
        customerId: d.customerId,
        areaId: d.areaId,
        responseId: d.responseId,
        followUpId: d.followUp?.id ?? null,
      })),
    },
    {
      name: { zh: '意见与建议', en: 'Views in words' },
      columns: TEXTS,
      rows: r.texts.flatMap((g) => g.answers.map((answer) => ({ category: g.category, count: g.count, answer }))),
    },
  );
  return tables;
}
