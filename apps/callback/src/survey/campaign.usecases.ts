import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { QuestionKind, Role, SurveyOpened } from '@pc/contracts';
import { TransactionalOutbox, type EventWriter } from '@pc/messaging';
import { KnownCustomer, KnownSite } from '@pc/subgraph';
import { AuthUser, Clock, assertRole, conflict, inFuture, invalidInput, scopeOf } from '@pc/platform';
import type { LaunchSurveyInput, SampleInput, SaveQuestionnaireInput } from './dto/survey.inputs';
import { SampleError, drawSample, type Candidate } from './sampling';
import { PERIOD } from './survey-rules';
import { Questionnaire, Survey, SurveyKind, SurveyResponse, SurveySample, SurveyStatus, type SampleRule } from './survey.entity';

const DAY = 86_400_000;
const PERIOD_EXAMPLE: Record<SurveyKind, string> = {
  [SurveyKind.MONTHLY_VISIT]: '2026-11',
  [SurveyKind.QUARTERLY_QUESTIONNAIRE]: '2026-Q4',
  [SurveyKind.ANNUAL_SURVEY]: '2026',
};

/** A questionnaire is QUALITY's, a site head's or an area manager's to write (as a survey is). */
export const SURVEY_AUTHORS = [Role.QUALITY, Role.SITE_HEAD, Role.AREA_MANAGER] as const;

/**
 * Questionnaires (问卷), versioned: saving under a name the organisation already has makes the next
 * version; the earlier versions stay as the campaigns that used them saw them.
 */
@Injectable()
export class SaveQuestionnaire {
  constructor(
    private readonly tx: TransactionalOutbox,
    private readonly clock: Clock,
  ) {}

  execute(user: AuthUser, input: SaveQuestionnaireInput): Promise<Questionnaire> {
    return this.tx.by(user).run(async (em) => {
      input.questions.forEach((q, i) => {
        if (q.kind !== QuestionKind.CHOICE && q.options?.length) {
          throw invalidInput(`questions.${i}.options`, 'only a CHOICE question has options');
        }
        if (q.kind === QuestionKind.CHOICE && new Set(q.options).size !== q.options?.length) {
          throw invalidInput(`questions.${i}.options`, 'the options must differ');
        }
      });
      const last = await em.findOne(Questionnaire, { orgId: user.org, name: input.name }, { orderBy: { version: 'desc' } });
      const q = em.create(Questionnaire, {
        id: randomUUID(),
        orgId: user.org,
        name: input.name,
        version: (last?.version ?? 0) + 1,
        questions: input.questions.map((x) => ({
          text: x.text,
          kind: x.kind,
          ...(x.kind === QuestionKind.CHOICE ? { options: x.options } : {}),
          ...(x.category ? { category: x.category } : {}),
        })),
        createdBy: user.sub,
        createdAt: this.clock.now(),
      });
      em.persist(q);
      return q;
    });
  }
}

/** The customers of the organisation who answered a survey in the last `days` (read once per launch, for every site). */
async function recentAnswerers(em: EntityManager, orgId: string, days: number, now: Date): Promise<Set<string>> {
  if (!days) return new Set();
  const surveys = await em.find(Survey, { orgId }, { fields: ['id'] });
  if (!surveys.length) return new Set();
  const since = new Date(now.getTime() - days * DAY);
  const recent = await em.find(
    SurveyResponse,
    { surveyId: { $in: surveys.map((x) => x.id) }, at: { $gte: since } },
    { fields: ['customerId'] },
  );
  return new Set(recent.map((r) => r.customerId));
}

/** The customers of a site who may be drawn: known to the directory, less those who answered a survey in the window. */
async function population(em: EntityManager, orgId: string, siteId: string, excluded: Set<string>): Promise<Candidate[]> {
  const customers = await em.find(KnownCustomer, { orgId, siteId }, { orderBy: { customerId: 'asc' } });
  return customers.filter((c) => !excluded.has(c.customerId));
}

/**
 * Rule (issue 31): a campaign opens for a site (or, the annual survey arranged by QUALITY, for every
 * site of the organisation the caller is granted, one campaign per site sharing a group) with a
 * questionnaire's version and its sample, drawn once from the seed and kept. One campaign per site,
 * kind and period. The timers (the month's visit on the 1st, the quarter's questionnaire) open
 * campaigns through the same function.
 */
@Injectable()
export class LaunchSurveyCampaign {
  constructor(
    private readonly tx: TransactionalOutbox,
    private readonly clock: Clock,
  ) {}

  execute(user: AuthUser, input: LaunchSurveyInput): Promise<Survey[]> {
    return this.tx.by(user).run((em, events) => openCampaigns(em, events, user, input, this.clock.now()));
  }
}

export async function openCampaigns(
  em: EntityManager,
  events: EventWriter,
  user: AuthUser,
  input: LaunchSurveyInput,
  now: Date,
): Promise<Survey[]> {
  if (!PERIOD[input.kind].test(input.period)) {
    throw invalidInput('period', `a ${input.kind} period looks like ${PERIOD_EXAMPLE[input.kind]}`);
  }
  if (input.closesAt) inFuture('closesAt', input.closesAt, now);
  const questionnaire = await em.findOne(Questionnaire, { id: input.questionnaireId, orgId: user.org });
  if (!questionnaire) throw invalidInput('questionnaireId', `unknown questionnaire ${input.questionnaireId}`);
  const scope = scopeOf(user);
  let sites: KnownSite[];
  if (input.siteId) {
    const site = await em.findOne(KnownSite, { siteId: input.siteId, orgId: user.org });
    if (!site) throw invalidInput('siteId', `unknown site ${input.siteId}`);
    scope.assertSite(site.siteId);
    sites = [site];
  } else {
    if (input.kind !== SurveyKind.ANNUAL_SURVEY) throw invalidInput('siteId', `a ${input.kind} campaign is for one site: give siteId`);
    // the annual survey of the whole organisation is arranged by the quality department
    assertRole(user, [Role.QUALITY, Role.ADMIN]);
    sites = (await em.find(KnownSite, { orgId: user.org }, { orderBy: { siteId: 'asc' } })).filter((s) => scope.canSee(s.siteId));
    if (!sites.length) throw invalidInput('siteId', 'the organisation has no site granted to you');
  }
  const taken = await em.find(Survey, {
    orgId: user.org,
    siteId: { $in: sites.map((s) => s.siteId) },
    kind: input.kind,
    period: input.period,
  });
  if (taken.length) {
    throw conflict(`site ${taken[0].siteId} already has its ${input.kind} campaign of ${input.period} (${taken[0].id})`, 'period');
  }
  const rule = ruleOf(input.sample, input.kind, input.period);
  const groupId = input.siteId ? null : randomUUID();
  const excluded = await recentAnswerers(em, user.org, rule.excludeSurveyedWithinDays, now);
  const opened: Survey[] = [];
  for (const site of sites) {
    const people = await population(em, user.org, site.siteId, excluded);
    let drawn: Candidate[];
    try {
      drawn = drawSample(people, { ...rule, seed: groupId ? `${rule.seed}:${site.siteId}` : rule.seed });
    } catch (e) {
      if (e instanceof SampleError) throw invalidInput(e.field, `${e.message} at site ${site.siteId}`);
      throw e;
    }
    const survey = em.create(Survey, {
      id: randomUUID(),
      orgId: user.org,
      siteId: site.siteId,
      kind: input.kind,
      period: input.period,
      questions: questionnaire.questions.map((q) => q.text),
      items: questionnaire.questions,
      questionnaireId: questionnaire.id,
      groupId,
      status: SurveyStatus.OPEN,
      closesAt: input.closesAt ?? null,
      sampleRule: rule,
      sampleSize: drawn.length,
      createdBy: user.sub,
      createdAt: now,
    });
    em.persist(survey);
    await em.flush();
    if (drawn.length) {
      await em.insertMany(
        SurveySample,
        drawn.map((c) => ({
          surveyId: survey.id,
          customerId: c.customerId,
          orgId: user.org,
          siteId: site.siteId,
          areaId: c.areaId ?? null,
          kind: (c.kind ?? null) as SurveySample['kind'],
          drawnAt: now,
          answeredAt: null,
        })),
      );
    }
    events.publish(SurveyOpened, {
      orgId: user.org,
      siteId: site.siteId,
      surveyId: survey.id,
      ...(groupId ? { groupId } : {}),
      kind: input.kind,
      period: input.period,
      questions: questionnaire.questions,
      sampleSize: drawn.length,
      openedAt: now.toISOString(),
      ...(input.closesAt ? { closesAt: input.closesAt.toISOString() } : {}),
    });
    opened.push(survey);
  }
  return opened;
}

/** The rule a sample input describes; the seed defaults to the kind and period (the same period draws the same sample). */
export function ruleOf(sample: SampleInput, kind: SurveyKind, period: string): SampleRule {
  return {
    mode: sample.mode,
    ...(sample.size !== undefined && sample.size !== null ? { size: sample.size } : {}),
    ...(sample.share !== undefined && sample.share !== null ? { share: sample.share } : {}),
    stratify: sample.stratify ?? false,
    excludeSurveyedWithinDays: sample.excludeSurveyedWithinDays ?? 0,
    seed: sample.seed || `${kind}:${period}`,
  };
}

/** Closes a campaign: it takes no more answers. */
export async function closeCampaign(em: EntityManager, user: AuthUser, id: string, now: Date): Promise<Survey> {
  const survey = await scopeOf(user).load(em, Survey, id, 'survey');
  if (survey.status === SurveyStatus.CLOSED) throw conflict('the campaign is closed already', 'id');
  survey.status = SurveyStatus.CLOSED;
  survey.closedAt = now;
  return survey;
}

/** Whether a campaign takes answers now: open, and its closing time (if any) not passed. */
export const takesAnswers = (s: Survey, now: Date): boolean =>
  s.status === SurveyStatus.OPEN && (!s.closesAt || now.getTime() < s.closesAt.getTime());
