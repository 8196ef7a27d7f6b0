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
    return (await this.atMany(em, [siteId], at)).get(siteId)!;
  }

  /** Who is on duty at `at` at each of several sites (a batch of announcements): four statements for all of them. */
  async atMany(em: EntityManager, siteIds: string[], at: Date): Promise<Map<string, DutyNow>> {
    const ids = [...new Set(siteIds)];
    const [shiftRows, sites] = await Promise.all([
      em.find(SiteShift, { siteId: { $in: ids } }, { orderBy: { startsAt: 'asc' } }),
      em.find(KnownSite, { siteId: { $in: ids } }),
    ]);
    const on = new Map(
      ids.map((siteId) => {
        const own = shiftRows.filter((r) => r.siteId === siteId).map((r) => ({ name: r.name, startsAt: r.startsAt, endsAt: r.endsAt }));
        const shifts = own.length ? own : [...DEFAULT_SHIFTS];
        const timeZone = sites.find((s) => s.siteId === siteId)?.timeZone ?? 'Asia/Shanghai';
        const local = localTime(at, timeZone);
        const now = shiftAt(shifts, local) ?? { shift: shifts[0], date: local.date };
        return [siteId, { ...now, local, timeZone }] as const;
      }),
    );
    const [assignments, directors] = await Promise.all([
      em.find(DutyAssignment, { id: { $in: [...on].map(([siteId, o]) => `${siteId}|${o.date}|${o.shift.name}`) } }),
      em.find(DutyDirector, { id: { $in: [...on].map(([siteId, o]) => `${siteId}|${o.local.date}`) } }),
    ]);
    const staffOf = new Map(assignments.map((a) => [a.id, a.staffIds]));
    const directorOf = new Map(directors.map((d) => [d.id, d.userId]));
    return new Map(
      [...on].map(([siteId, o]) => [
        siteId,
        {
          date: o.date,
          shift: o.shift,
          staffIds: staffOf.get(`${siteId}|${o.date}|${o.shift.name}`) ?? [],
          directorId: directorOf.get(`${siteId}|${o.local.date}`) ?? null,
          timeZone: o.timeZone,
        },
      ]),
    );
  }
}
