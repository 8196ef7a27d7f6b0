import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { NotificationKind } from '@pc/contracts';
import { claimLock, type EventWriter, type TimerSource } from '@pc/messaging';
import { KnownSite } from '@pc/subgraph';
import { Notifier } from '../notification/notifier';
import { ROSTER_LOOKAHEAD_DAYS, localTime, nextDate, previousDate, uncoveredShifts } from './duty-rules';
import { DutyRoster } from './duty.service';
import { DutyAssignment, RosterCheck } from './duty.entity';

/** How often each site's week ahead is looked at again. */
export const ROSTER_CHECK_EVERY_MS = 6 * 3_600_000;

/**
 * Rule (domain.md §6): a week ahead, a shift with nobody on duty is a notice to the site head.
 * Each site known to the directory has a durable timer (`roster_check`); when it is due the site's
 * next seven days of shifts are read against the roster, and each shift nobody covers is a NOTICE to
 * the site head, once per shift (its source key names the site, date and shift), however often the
 * week is looked at again. Claimed with row locks: one replica checks a site at a time.
 */
@Injectable()
export class RosterGaps implements TimerSource {
  readonly name = 'roster gaps';
  constructor(
    private readonly notifier: Notifier,
    private readonly roster: DutyRoster,
  ) {}

  async fireDue(em: EntityManager, _events: EventWriter, now: Date, limit: number): Promise<number> {
    await this.enrolNewSites(em, now);
    const due = await em.find(
      RosterCheck,
      { nextCheckAt: { $lte: now } },
      { orderBy: { nextCheckAt: 'asc' }, limit, lockMode: claimLock(em) },
    );
    for (const check of due) {
      check.nextCheckAt = new Date(now.getTime() + ROSTER_CHECK_EVERY_MS);
      await this.check(em, check, now);
    }
    return due.length;
  }

  /** A site the directory learnt of since the last tick is checked at once. */
  private async enrolNewSites(em: EntityManager, now: Date): Promise<void> {
    const [sites, checks] = await Promise.all([em.find(KnownSite, {}, { fields: ['siteId', 'orgId'] }), em.find(RosterCheck, {})]);
    const known = new Set(checks.map((c) => c.siteId));
    const fresh = sites.filter((s) => !known.has(s.siteId)).map((s) => ({ siteId: s.siteId, orgId: s.orgId, nextCheckAt: now }));
    if (fresh.length) await em.upsertMany(RosterCheck, fresh, { onConflictFields: ['siteId'], onConflictAction: 'ignore' });
  }

  private async check(em: EntityManager, check: RosterCheck, now: Date): Promise<void> {
    const [shifts, timeZone, site] = await Promise.all([
      this.roster.shifts(em, check.siteId),
      this.roster.timeZone(em, check.siteId),
      em.findOne(KnownSite, { siteId: check.siteId }),
    ]);
    const local = localTime(now, timeZone);
    let last = local.date;
    for (let i = 0; i <= ROSTER_LOOKAHEAD_DAYS; i++) last = nextDate(last);
    const assignments = await em.find(DutyAssignment, { siteId: check.siteId, date: { $gte: previousDate(local.date), $lte: last } });
    const staffed = new Set(assignments.filter((a) => a.staffIds.length > 0).map((a) => `${a.date}|${a.shift}`));
    const where = site?.name ?? check.siteId;
    // every gap of the week in one go: the directory read once, the notices written together
    await this.notifier.announceMany(
      em,
      uncoveredShifts(shifts, staffed, local).map((gap) => ({
        kind: NotificationKind.NOTICE,
        orgId: check.orgId,
        siteId: check.siteId,
        sourceKey: `roster-gap:${check.siteId}|${gap.date}|${gap.shift.name}`,
        at: now,
        title: `Nobody on duty: ${gap.shift.name} shift (${gap.shift.startsAt}–${gap.shift.endsAt}) on ${gap.date} at ${where}`,
        body: `The ${gap.shift.name} shift of ${gap.date} (${gap.shift.startsAt}–${gap.shift.endsAt}, ${timeZone}) at ${where} has no duty staff. Assign someone with assignDuty.`,
      })),
    );
  }
}
