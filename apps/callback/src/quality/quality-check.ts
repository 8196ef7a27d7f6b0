import { randomUUID } from 'node:crypto';
import { Injectable, Module } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import {
  Args,
  Field,
  GraphQLISODateTime,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  registerEnumType,
} from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { CallbackKind, QualityFindingRecorded, Role } from '@pc/contracts';
import { TransactionalOutbox } from '@pc/messaging';
import { KnownSite } from '@pc/subgraph';
import { AuthUser, Clock, CurrentUser, Roles, conflict, invalidInput, scopeOf, trimString } from '@pc/platform';
import { DEFAULT_TIME_ZONE, nextMonth, startOfLocalDate } from '@pc/calendar';
import { Callback, CallbackStatus } from '../callback/callback.entity';
import { drawSample } from '../survey/sampling';
import { FollowUpPlan } from '../survey/survey.entity';
import { QualityCheck, QualityCheckItem, QualityItemKind } from './quality-check.entity';

registerEnumType(QualityItemKind, {
  name: 'QualityItemKind',
  description: 'A resolution called back (by its kind) or a survey follow-up plan done.',
});

const DAY = 86_400_000;
/** A follow-up plan the check finds not done as recorded is open again, due this long after the finding. */
export const FOLLOW_UP_REDO_DAYS = 7;

@InputType({ description: "Draws a site's monthly quality check: a sample of the month's handled opinions." })
export class DrawQualityCheckInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) siteId: string;
  @Field({ description: 'YYYY-MM: what was handled in that month (the site calendar; the current month: so far).' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month looks like 2026-11' })
  month: string;
  @Field(() => Int, { defaultValue: 10, description: 'How many to verify (all when fewer were handled).' })
  @IsInt()
  @Min(1)
  @Max(200)
  size: number = 10;
  @Field({ nullable: true, description: 'The seed of the draw (default: the site and month).' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  seed?: string;
}

@InputType({ description: "The quality department's finding on one checked item." })
export class QualityFindingInput {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) itemId: string;
  @Field({ description: 'Was it handled as recorded?' }) @IsBoolean() handledAsRecorded: boolean;
  @Field({ description: 'Was the customer really told?' }) @IsBoolean() customerTold: boolean;
  @Field({ nullable: true }) @IsOptional() @Transform(trimString) @IsString() @MaxLength(5000) note?: string;
}

@ObjectType('QualityCheckItem')
export class QualityCheckItemObject {
  @Field(() => ID) id: string;
  @Field(() => QualityItemKind) kind: QualityItemKind;
  @Field(() => ID, { description: 'The callback, or the follow-up plan.' }) refId: string;
  @Field(() => ID, { description: 'The complaint, repair or paid service (for a follow-up: its survey).' }) caseId: string;
  @Field(() => GraphQLISODateTime) handledAt: Date;
  @Field(() => Boolean, { nullable: true }) handledAsRecorded?: boolean | null;
  @Field(() => Boolean, { nullable: true }) customerTold?: boolean | null;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => ID, { nullable: true }) checkedBy?: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) checkedAt?: Date | null;
  @Field(() => String, { nullable: true, description: 'REWORK (the complaint back to its department), FOLLOW_UP_REOPENED, or none.' })
  consequence?: string | null;
}

@ObjectType('QualityCheck')
export class QualityCheckObject {
  @Field(() => ID) id: string;
  @Field(() => ID) siteId: string;
  @Field() month: string;
  @Field(() => Int, { description: 'How many opinions were handled that month.' }) handled: number;
  @Field(() => ID) drawnBy: string;
  @Field(() => GraphQLISODateTime) drawnAt: Date;
  @Field(() => [QualityCheckItemObject]) items: QualityCheckItemObject[];
}

const object = (c: QualityCheck, items: QualityCheckItem[]): QualityCheckObject =>
  Object.assign(new QualityCheckObject(), c, { items: items.map((i) => Object.assign(new QualityCheckItemObject(), i)) });

/**
 * Rule (issue 31, seed 004 §4.5.4, the quality department's monthly check): each month a sample of a
 * site's handled opinions — the resolutions called back (complaints, repairs, paid services) and the
 * survey follow-up plans done that month — is drawn once from a seed and kept; QUALITY verifies each
 * (handled as recorded? the customer really told?), once. A finding against a complaint sends it
 * back for rework (`quality.finding_recorded` → dispatch); against a follow-up plan, the plan is open
 * again, due in a week.
 */
@Injectable()
export class QualityChecks {
  constructor(
    private readonly orm: MikroORM,
    private readonly tx: TransactionalOutbox,
    private readonly clock: Clock,
  ) {}

  draw(user: AuthUser, input: DrawQualityCheckInput): Promise<QualityCheckObject> {
    return this.tx.by(user).run(async (em) => {
      const site = await em.findOne(KnownSite, { siteId: input.siteId, orgId: user.org });
      if (!site) throw invalidInput('siteId', `unknown site ${input.siteId}`);
      scopeOf(user).assertSite(site.siteId);
      const zone = site.timeZone || DEFAULT_TIME_ZONE;
      const from = startOfLocalDate(`${input.month}-01`, zone);
      const to = startOfLocalDate(`${nextMonth(input.month)}-01`, zone);
      const now = this.clock.now();
      if (from.getTime() > now.getTime()) throw invalidInput('month', `${input.month} has not begun at the site yet`);
      if (await em.count(QualityCheck, { orgId: user.org, siteId: site.siteId, month: input.month })) {
        throw conflict(`the quality check of ${input.month} at ${site.siteId} was drawn already`, 'month');
      }
      const callbacks = await em.find(Callback, {
        orgId: user.org,
        siteId: site.siteId,
        status: CallbackStatus.DONE,
        resolvedAt: { $gte: from, $lt: to },
      });
      const plans = await em.find(FollowUpPlan, { orgId: user.org, siteId: site.siteId, doneAt: { $gte: from, $lt: to } });
      const handled = [
        ...callbacks.map((c) => ({
          customerId: c.id,
          kind: (
            {
              [CallbackKind.COMPLAINT]: QualityItemKind.COMPLAINT,
              [CallbackKind.REPAIR]: QualityItemKind.REPAIR,
              [CallbackKind.PAID_SERVICE]: QualityItemKind.PAID_SERVICE,
            } as const
          )[c.kind],
          caseId: c.caseId,
          handledAt: c.resolvedAt,
        })),
        ...plans.map((f) => ({ customerId: f.id, kind: QualityItemKind.FOLLOW_UP, caseId: f.surveyId, handledAt: f.doneAt! })),
      ];
      const seed = input.seed || `quality:${site.siteId}:${input.month}`;
      const drawn = drawSample(handled, {
        mode: 'COUNT',
        size: Math.min(input.size, handled.length),
        stratify: false,
        excludeSurveyedWithinDays: 0,
        seed,
      });
      const check = em.create(QualityCheck, {
        id: randomUUID(),
        orgId: user.org,
        siteId: site.siteId,
        month: input.month,
        seed,
        handled: handled.length,
        drawnBy: user.sub,
        drawnAt: now,
      });
      em.persist(check);
      const items = drawn.map((d) => {
        const h = handled.find((x) => x.customerId === d.customerId)!;
        return em.create(QualityCheckItem, {
          id: randomUUID(),
          checkId: check.id,
          orgId: user.org,
          siteId: site.siteId,
          kind: h.kind,
          refId: h.customerId,
          caseId: h.caseId,
          handledAt: h.handledAt,
        });
      });
      items.forEach((i) => em.persist(i));
      return object(check, items);
    });
  }

  record(user: AuthUser, input: QualityFindingInput): Promise<QualityCheckItemObject> {
    return this.tx.by(user).run(async (em, events) => {
      const item = await scopeOf(user).load(em, QualityCheckItem, input.itemId, 'quality check item');
      if (item.checkedAt) throw conflict('this item was checked already', 'itemId');
      const now = this.clock.now();
      Object.assign(item, {
        handledAsRecorded: input.handledAsRecorded,
        customerTold: input.customerTold,
        note: input.note || null,
        checkedBy: user.sub,
        checkedAt: now,
      });
      const against = !input.handledAsRecorded || !input.customerTold;
      if (against && item.kind === QualityItemKind.COMPLAINT) {
        item.consequence = 'REWORK';
        events.publish(QualityFindingRecorded, {
          orgId: item.orgId,
          siteId: item.siteId,
          complaintId: item.caseId,
          checkId: item.checkId,
          itemId: item.id,
          handledAsRecorded: input.handledAsRecorded,
          customerTold: input.customerTold,
          ...(input.note ? { note: input.note } : {}),
          checkedBy: user.sub,
          at: now.toISOString(),
        });
      } else if (against && item.kind === QualityItemKind.FOLLOW_UP) {
        const plan = await em.findOne(FollowUpPlan, { id: item.refId, orgId: item.orgId });
        if (plan) {
          Object.assign(plan, {
            doneAt: null,
            overdueAt: null,
            calledBackAt: null,
            calledBackBy: null,
            callbackSatisfaction: null,
            callbackNote: null,
            dueAt: new Date(now.getTime() + FOLLOW_UP_REDO_DAYS * DAY),
          });
          item.consequence = 'FOLLOW_UP_REOPENED';
        }
      }
      return Object.assign(new QualityCheckItemObject(), item);
    });
  }

  async list(user: AuthUser, siteId: string | undefined, month: string | undefined): Promise<QualityCheckObject[]> {
    const em = this.orm.em.fork();
    const checks = await scopeOf(user).find(
      em,
      QualityCheck,
      month ? { month } : {},
      { orderBy: { month: 'desc', siteId: 'asc' }, limit: 24 },
      siteId,
    );
    const items = checks.length
      ? await em.find(QualityCheckItem, { checkId: { $in: checks.map((c) => c.id) } }, { orderBy: { handledAt: 'asc', id: 'asc' } })
      : [];
    return checks.map((c) =>
      object(
        c,
        items.filter((i) => i.checkId === c.id),
      ),
    );
  }
}

@Resolver()
export class QualityCheckResolver {
  constructor(private readonly checks: QualityChecks) {}

  @Query(() => [QualityCheckObject], { description: "The quality department's monthly checks (newest 24) with their items and findings." })
  qualityChecks(
    @CurrentUser() user: AuthUser,
    @Args('siteId', { type: () => ID, nullable: true }) siteId?: string,
    @Args('month', { nullable: true }) month?: string,
  ): Promise<QualityCheckObject[]> {
    return this.checks.list(user, siteId, month);
  }

  @Mutation(() => QualityCheckObject, {
    description: "Draws a site's monthly quality check: a sample of the month's handled opinions (once).",
  })
  @Roles(Role.QUALITY)
  drawQualityCheck(@CurrentUser() user: AuthUser, @Args('input') input: DrawQualityCheckInput): Promise<QualityCheckObject> {
    return this.checks.draw(user, input);
  }

  @Mutation(() => QualityCheckItemObject, {
    description: 'Records the finding on one checked item (once); a finding against a complaint sends it back for rework.',
  })
  @Roles(Role.QUALITY)
  recordQualityFinding(@CurrentUser() user: AuthUser, @Args('input') input: QualityFindingInput): Promise<QualityCheckItemObject> {
    return this.checks.record(user, input);
  }
}

@Module({ providers: [QualityChecks, QualityCheckResolver] })
export class QualityModule {}
