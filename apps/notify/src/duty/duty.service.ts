import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { KnownSite } from '@pc/subgraph';
import { DEFAULT_SHIFTS, localTime, shiftAt, type ShiftTimes } from './duty-rules';
import { DutyAssignment, DutyDirector, SiteShift } from './duty.entity';

export interface DutyNow {
  date: string;
  shift: ShiftTimes;
  staffIds: string[];
  directorId: string | null;
  timeZone: string;
}

/** Reads the roster: a site's shifts (the defaults until set), who is on duty at an instant. */
@Injectable()
export class DutyRoster {
  async shifts(em: EntityManager, siteId: string): Promise<ShiftTimes[]> {
    const rows = await em.find(SiteShift, { siteId }, { orderBy: { startsAt: 'asc' } });
    return rows.length ? rows.map((r) => ({ name: r.name, startsAt: r.startsAt, endsAt: r.endsAt })) : [...DEFAULT_SHIFTS];
  }

  async timeZone(em: EntityManager, siteId: string): Promise<string> {
    return (await em.findOne(KnownSite, { siteId }))?.timeZone ?? 'Asia/Shanghai';
  }

  /** Who is on duty at `at` in the site's time zone: the shift, its staff and the day's duty director. */
  async at(em: EntityManager, siteId: string, at: Date): Promise<DutyNow> {
    const [shifts, timeZone] = await Promise.all([this.shifts(em, siteId), this.timeZone(em, siteId)]);
    const local = localTime(at, timeZone);
    const on = shiftAt(shifts, local) ?? { shift: shifts[0], date: local.date };
    const [assignment, director] = await Promise.all([
      em.findOne(DutyAssignment, { id: `${siteId}|${on.date}|${on.shift.name}` }),
      em.findOne(DutyDirector, { id: `${siteId}|${local.date}` }),
    ]);
    return { date: on.date, shift: on.shift, staffIds: assignment?.staffIds ?? [], directorId: director?.userId ?? null, timeZone };
  }
}
