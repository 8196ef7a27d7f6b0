import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import type { Knex } from '@mikro-orm/knex';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser, notFound, scopeOf } from '@pc/platform';
import { knexOf } from '../projection/projection.consumer';
import { LEVEL_OF, emptyLevels, indexChange, satisfactionIndex, type LevelCounts } from './satisfaction-index';
import type { GroupResultObject, QuestionResultObject, SurveyResultsObject, TextGroupObject } from './survey-results.dto';
import { SurveyResultsObject as ResultsType } from './survey-results.dto';

interface CampaignRow {
  survey_id: string;
  org_id: string;
  site_id: string;
  group_id: string | null;
  kind: string;
  period: string;
  questions: string;
  sample_size: number | null;
}
interface Question {
  text: string;
  kind: string;
  options?: string[];
  category?: string;
}
type LevelRow = { satisfaction: string; n: string | number };

const rate = (n: number, d: number | null): number | null => (d ? Math.round((n / d) * 10_000) / 10_000 : null);
const num = (v: unknown): number => Number(v ?? 0);
/** Texts shown per group; dissatisfied items listed. */
const TEXTS_PER_GROUP = 50;
const DISSATISFIED_LIMIT = 1000;

/** The rows of a query, typed (knex's inferred row types do not follow aggregates). */
async function rowsOf<T>(q: Knex.QueryBuilder): Promise<T[]> {
  return (await q) as T[];
}

function levels(rows: LevelRow[]): LevelCounts {
  const c = emptyLevels();
  for (const r of rows) if (LEVEL_OF[r.satisfaction]) c[LEVEL_OF[r.satisfaction]] += num(r.n);
  return c;
}

/**
 * A campaign's results (issue 31) from the read model: the four levels per question, the index
 * (satisfaction-index.ts), the response rate against the sample, per area, free text by category,
 * every dissatisfied answer with its follow-up plan, the change against the previous campaign of
 * the site and kind, and the organisation-wide campaign's sites (those the caller may see). Each
 * figure is one aggregate statement over `survey_answer_fact`.
 */
@Injectable()
export class SurveyResultsQueries {
  constructor(private readonly orm: MikroORM) {}

  async results(user: AuthUser, surveyId: string): Promise<SurveyResultsObject> {
    const db = knexOf(this.orm);
    const campaign = (await db('survey_campaign_fact').where({ survey_id: surveyId, org_id: user.org }).first()) as CampaignRow | undefined;
    if (!campaign || !scopeOf(user).canSee(campaign.site_id)) throw notFound('survey', surveyId);
    const questions = JSON.parse(campaign.questions) as Question[];
    const answers = () => db('survey_answer_fact').where('survey_id', surveyId);

    const [{ n: responses }] = await rowsOf<{ n: string }>(db('survey_fact').count({ n: '*' }).where('survey_id', surveyId));
    const perQuestion = await rowsOf<LevelRow & { question: number }>(
      answers().select('question', 'satisfaction').count({ n: '*' }).whereNotNull('satisfaction').groupBy('question', 'satisfaction'),
    );
    const choices = await rowsOf<{ question: number; choice: string; n: string }>(
      answers().select('question', 'choice').count({ n: '*' }).whereNotNull('choice').groupBy('question', 'choice'),
    );
    const perArea = await rowsOf<LevelRow & { area_id: string | null }>(
      answers().select('area_id', 'satisfaction').count({ n: '*' }).whereNotNull('satisfaction').groupBy('area_id', 'satisfaction'),
    );
    const areaResponses = await rowsOf<{ area_id: string | null; r: string }>(
      answers().select('area_id').countDistinct({ r: 'response_id' }).groupBy('area_id'),
    );
    const texts = (await answers()
      .select('question', 'text')
      .whereNotNull('text')
      .orderBy([{ column: 'answered_at', order: 'desc' }, 'response_id'])) as { question: number; text: string }[];
    const dissatisfied = (await answers()
      .select('response_id', 'question', 'customer_id', 'area_id', 'follow_up_id')
      .where('satisfaction', 'DISSATISFIED')
      .orderBy(['question', 'response_id'])
      .limit(DISSATISFIED_LIMIT)) as {
      response_id: string;
      question: number;
      customer_id: string | null;
      area_id: string | null;
      follow_up_id: string | null;
    }[];

    const all = levels(perQuestion);
    const index = satisfactionIndex(all);
    const questionResults: QuestionResultObject[] = questions.map((q, i) => {
      const c = levels(perQuestion.filter((r) => num(r.question) === i));
      const counted = new Map(choices.filter((r) => num(r.question) === i).map((r) => [r.choice, num(r.n)]));
      return {
        question: i,
        text: q.text,
        kind: q.kind,
        category: q.category ?? null,
        ...c,
        index: satisfactionIndex(c),
        choices: (q.options ?? []).map((option) => ({ option, count: counted.get(option) ?? 0 })),
      };
    });
    const groups = new Map<string, string[]>();
    for (const t of texts) {
      const q = questions[num(t.question)];
      const key = q?.category ?? q?.text ?? `#${t.question}`;
      groups.set(key, [...(groups.get(key) ?? []), t.text]);
    }
    const textGroups: TextGroupObject[] = [...groups.entries()]
      .map(([category, list]) => ({ category, count: list.length, answers: list.slice(0, TEXTS_PER_GROUP) }))
      .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category));
    const areaIds = [...new Set(areaResponses.map((r) => r.area_id))].sort((a, b) => (a ?? '').localeCompare(b ?? ''));

    const previous = (await db('survey_campaign_fact')
      .select('survey_id', 'period')
      .where({ org_id: campaign.org_id, site_id: campaign.site_id, kind: campaign.kind })
      .where('period', '<', campaign.period)
      .orderBy('period', 'desc')
      .first()) as { survey_id: string; period: string } | undefined;
    let previousResult: SurveyResultsObject['previous'] = null;
    if (previous) {
      const before = satisfactionIndex(levels(await this.levelsOf(db, (q) => q.where('survey_id', previous.survey_id))));
      const change = indexChange(index, before);
      previousResult = {
        surveyId: previous.survey_id,
        period: previous.period,
        index: before,
        shareChange: change.share,
        scoreChange: change.score,
      };
    }

    return Object.assign(new ResultsType(), {
      surveyId,
      siteId: campaign.site_id,
      kind: campaign.kind,
      period: campaign.period,
      sampleSize: campaign.sample_size,
      responses: num(responses),
      responseRate: rate(num(responses), campaign.sample_size),
      index,
      previous: previousResult,
      questions: questionResults,
      areas: areaIds.map((areaId) => ({
        areaId,
        responses: num(areaResponses.find((r) => r.area_id === areaId)?.r),
        index: satisfactionIndex(levels(perArea.filter((r) => r.area_id === areaId))),
      })),
      texts: textGroups,
      dissatisfied: dissatisfied.map((d) => ({
        responseId: d.response_id,
        question: num(d.question),
        customerId: d.customer_id,
        areaId: d.area_id,
        followUp: d.follow_up_id ? { id: d.follow_up_id } : null,
      })),
      group: campaign.group_id ? await this.group(db, user, campaign.group_id) : null,
    });
  }

  private levelsOf(db: Knex, where: (q: Knex.QueryBuilder) => Knex.QueryBuilder): Promise<LevelRow[]> {
    return where(db('survey_answer_fact').select('satisfaction').count({ n: '*' }).whereNotNull('satisfaction').groupBy('satisfaction'));
  }

  /** The organisation-wide campaign over the sites the caller may see: per site and in all. */
  private async group(db: Knex, user: AuthUser, groupId: string): Promise<GroupResultObject> {
    const sites = scopeOf(user).siteIds();
    const scoped = (q: Knex.QueryBuilder) => (sites ? q.whereIn('site_id', [...sites]) : q);
    const campaigns = (await scoped(
      db('survey_campaign_fact')
        .select('survey_id', 'site_id', 'sample_size')
        .where({ group_id: groupId, org_id: user.org })
        .orderBy('site_id'),
    )) as { survey_id: string; site_id: string; sample_size: number | null }[];
    // one row per response (survey_fact) with its four-level counts: a group of 100,000 answers adds 100,000 rows, not one per question
    const perSite = await rowsOf<{ site_id: string; r: string } & LevelCounts>(
      scoped(
        db('survey_fact')
          .select('site_id')
          .count({ r: '*' })
          .sum({
            verySatisfied: 'very_satisfied',
            satisfied: 'satisfied',
            basicallySatisfied: 'basically_satisfied',
            dissatisfied: 'dissatisfied',
          })
          .where({ group_id: groupId, org_id: user.org })
          .groupBy('site_id'),
      ),
    );
    const countsOf = (rows: LevelCounts[]): LevelCounts => {
      const c = emptyLevels();
      for (const r of rows) for (const k of Object.keys(c) as (keyof LevelCounts)[]) c[k] += num(r[k]);
      return c;
    };
    const siteResults = campaigns.map((c) => {
      const row = perSite.find((a) => a.site_id === c.site_id);
      const responses = num(row?.r);
      return {
        siteId: c.site_id,
        surveyId: c.survey_id,
        sampleSize: c.sample_size,
        responses,
        responseRate: rate(responses, c.sample_size),
        index: satisfactionIndex(countsOf(row ? [row] : [])),
      };
    });
    const sampleSize = campaigns.reduce((a, c) => a + (c.sample_size ?? 0), 0);
    const responses = siteResults.reduce((a, s) => a + s.responses, 0);
    return {
      groupId,
      sampleSize,
      responses,
      responseRate: rate(responses, sampleSize),
      index: satisfactionIndex(countsOf(perSite)),
      sites: siteResults,
    };
  }
}

@Resolver()
export class SurveyResultsResolver {
  constructor(private readonly queries: SurveyResultsQueries) {}

  @Query(() => ResultsType, {
    description:
      "A survey campaign's results: response rate, the satisfaction index, per question and area, free text by category, dissatisfied items with their follow-up plans, the change against the previous campaign.",
  })
  surveyResults(@CurrentUser() user: AuthUser, @Args('surveyId', { type: () => ID }) surveyId: string): Promise<SurveyResultsObject> {
    return this.queries.results(user, surveyId);
  }
}
