import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { Role, Satisfaction, SurveyFollowUpOverdue } from '@pc/contracts';
import {
  TimerScheduler,
  TransactionalOutbox,
  claimLock,
  type EventWriter,
  type TimerSchedulerOptions,
  type TimerSource,
} from '@pc/messaging';
import { KnownSite } from '@pc/subgraph';
import { AuthUser, Clock, DomainError, conflict, invalidInput, scopeOf } from '@pc/platform';
import { DEFAULT_TIME_ZONE } from '@pc/calendar';
import { openCampaigns, ruleOf } from './campaign.usecases';
import type { ScheduleSurveysInput, SampleMode } from './dto/survey.inputs';
import { firstScheduledPeriod, nextPeriod, periodStarts } from './survey-rules';
import { FollowUpPlan, Questionnaire, Survey, SurveyKind, SurveySchedule } from './survey.entity';

export const SURVEY_TIMER_OPTIONS = Symbol('SURVEY_TIMER_OPTIONS');

/** The actor of what the clocks do (a campaign opened by its schedule). */
const scheduleActor = (orgId: string): AuthUser => ({ sub: 'system', org: orgId, sites: ['*'], roles: [Role.QUALITY] });

/**
 * A site's schedule for monthly visits or quarterly questionnaires (issue 31): saving it again
 * replaces it (a new questionnaire or sample rule applies from the next campaign); `active: false`
 * stops it. Its first campaign is the next period's.
 */
@Injectable()
export class ScheduleSurveys {
  constructor(
    private readonly tx: TransactionalOutbox,
    private readonly clock: Clock,
  ) {}

  execute(user: AuthUser, input: ScheduleSurveysInput): Promise<SurveySchedule> {
    return this.tx.by(user).run(async (em) => {
      if (input.kind === SurveyKind.ANNUAL_SURVEY) {
        throw invalidInput(
          'kind',
          'the annual survey is arranged each year by the quality department (launchSurveyCampaign), not scheduled',
        );
      }
      const site = await em.findOne(KnownSite, { siteId: input.siteId, orgId: user.org });
      if (!site) throw invalidInput('siteId', `unknown site ${input.siteId}`);
      scopeOf(user).assertSite(site.siteId);
      if (!(await em.count(Questionnaire, { id: input.questionnaireId, orgId: user.org }))) {
        throw invalidInput('questionnaireId', `unknown questionnaire ${input.questionnaireId}`);
      }
      const now = this.clock.now();
      const zone = site.timeZone || DEFAULT_TIME_ZONE;
      const period = firstScheduledPeriod(input.kind, now, zone);
      const existing = await em.findOne(SurveySchedule, { orgId: user.org, siteId: site.siteId, kind: input.kind });
      const data = {
        questionnaireId: input.questionnaireId,
        sampleRule: ruleOf(input.sample, input.kind, '{period}'),
        active: input.active,
        createdBy: user.sub,
        updatedAt: now,
      };
      if (existing) {
        em.assign(existing, data);
        // a stopped schedule started again begins at the next period
        if (input.active && existing.nextRunAt.getTime() <= now.getTime()) {
          existing.nextPeriod = period;
          existing.nextRunAt = periodStarts(input.kind, period, zone);
        }
        return existing;
      }
      const s = em.create(SurveySchedule, {
        id: randomUUID(),
        orgId: user.org,
        siteId: site.siteId,
        kind: input.kind,
        ...data,
        nextPeriod: period,
        nextRunAt: periodStarts(input.kind, period, zone),
        lastSurveyId: null,
        lastError: null,
      });
      em.persist(s);
      return s;
    });
  }
}

/**
 * The schedules' clock: at a period's start each due schedule opens its campaign (through the same
 * function as launchSurveyCampaign, sample drawn then, answers until the period ends) and moves on
 * to the next period. A campaign already opened by hand for that period is left as it is; a
 * campaign that cannot open (a sample bigger than the site) is noted on the schedule, and the clock
 * still moves on, so a bad rule never stops the timers.
 */
@Injectable()
export class ScheduledCampaigns implements TimerSource {
  readonly name = 'scheduled survey campaigns';
  private readonly logger = new Logger(ScheduledCampaigns.name);

  async fireDue(em: EntityManager, events: EventWriter, now: Date, limit: number): Promise<number> {
    const due = await em.find(
      SurveySchedule,
      { active: true, nextRunAt: { $lte: now } },
      { orderBy: { nextRunAt: 'asc' }, limit, lockMode: claimLock(em) },
    );
    for (const s of due) {
      const site = await em.findOne(KnownSite, { siteId: s.siteId, orgId: s.orgId });
      const zone = site?.timeZone || DEFAULT_TIME_ZONE;
      const period = s.nextPeriod;
      const closesAt = periodStarts(s.kind, nextPeriod(s.kind, period), zone);
      s.lastError = null;
      if (!(await em.count(Survey, { orgId: s.orgId, siteId: s.siteId, kind: s.kind, period }))) {
        try {
          const sample = { ...s.sampleRule, mode: s.sampleRule.mode as SampleMode, seed: s.sampleRule.seed.replace('{period}', period) };
          const [opened] = await openCampaigns(
            em,
            events,
            scheduleActor(s.orgId),
            { siteId: s.siteId, kind: s.kind, period, questionnaireId: s.questionnaireId, sample: sample, closesAt },
            now,
          );
          s.lastSurveyId = opened.id;
        } catch (e) {
          if (!(e instanceof DomainError)) throw e;
          s.lastError = `${period}: ${e.message}`;
          this.logger.warn({ scheduleId: s.id, period, reason: e.message }, 'a scheduled survey campaign could not open');
        }
      }
      s.nextPeriod = nextPeriod(s.kind, period);
      s.nextRunAt = periodStarts(s.kind, s.nextPeriod, zone);
    }
    return due.length;
  }
}

/** Rule (domain.md §4, a follow-up plan's clock): a plan not done by its due date is announced overdue once; notify tells its owner and the site head. */
@Injectable()
export class OverdueFollowUps implements TimerSource {
  readonly name = 'overdue survey follow-ups';

  async fireDue(em: EntityManager, events: EventWriter, now: Date, limit: number): Promise<number> {
    const due = await em.find(
      FollowUpPlan,
      { doneAt: null, overdueAt: null, dueAt: { $lte: now } },
      { orderBy: { dueAt: 'asc' }, limit, lockMode: claimLock(em) },
    );
    for (const f of due) {
      f.overdueAt = now;
      events.publish(SurveyFollowUpOverdue, {
        orgId: f.orgId,
        siteId: f.siteId,
        surveyId: f.surveyId,
        followUpId: f.id,
        ownerId: f.ownerId,
        question: f.question,
        dueAt: f.dueAt.toISOString(),
      });
    }
    return due.length;
  }
}

@Injectable()
export class SurveyScheduler extends TimerScheduler {
  constructor(
    tx: TransactionalOutbox,
    clock: Clock,
    @Inject(SURVEY_TIMER_OPTIONS) options: TimerSchedulerOptions,
    campaigns: ScheduledCampaigns,
    overdue: OverdueFollowUps,
  ) {
    super(tx, clock, options, [campaigns, overdue]);
  }
}

/**
 * Rule (domain.md §4, "the customer is called back when it is done"): a follow-up plan done is called
 * back to its customer once, with their satisfaction; before the plan is done there is nothing to say.
 */
export async function callBackFollowUp(
  em: EntityManager,
  user: AuthUser,
  input: { id: string; satisfaction: Satisfaction; note?: string | null },
  now: Date,
): Promise<FollowUpPlan> {
  const f = await scopeOf(user).load(em, FollowUpPlan, input.id, 'follow-up plan');
  if (!f.doneAt) throw conflict('the follow-up is not done yet: the customer is called back once it is', 'id');
  if (f.calledBackAt) throw conflict('the customer was called back about this follow-up already', 'id');
  f.calledBackAt = now;
  f.calledBackBy = user.sub;
  f.callbackSatisfaction = input.satisfaction;
  f.callbackNote = input.note?.trim() || null;
  return f;
}
