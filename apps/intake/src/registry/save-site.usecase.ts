import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Role, SiteSaved } from '@pc/contracts';
import { TransactionalOutbox } from '@pc/messaging';
import { assertRole, invalidInput, scopeOf } from '@pc/platform';
import { CHINA_ANNUAL_HOLIDAYS, DEFAULT_TIME_ZONE, localDate } from '@pc/calendar';
import type { SaveSiteCommand } from './commands/registry.commands';
import { checkDates, checkTimeZone, owned } from './registry-rules';
import { DEFAULT_REPAIR_RESPONSE_MINUTES, Site } from './registry.entities';

/** Sites and their working calendars: the organisation's administrators. Announced as `registry.site_saved`. */
@Injectable()
export class SaveSite {
  constructor(private readonly tx: TransactionalOutbox) {}

  execute(c: SaveSiteCommand): Promise<Site> {
    const { actor: user } = c;
    return this.tx.by(user).run(async (em, events) => {
      assertRole(user, [Role.ADMIN]);
      const timeZone = c.timeZone ?? DEFAULT_TIME_ZONE;
      checkTimeZone(timeZone);
      checkDates('holidays', c.holidays ?? []);
      checkDates('makeUpWorkdays', c.makeUpWorkdays ?? []);
      for (const d of c.makeUpWorkdays ?? []) {
        const { weekday } = localDate(new Date(`${d}T12:00:00Z`), 'UTC');
        if (weekday !== 0 && weekday !== 6) {
          throw invalidInput('makeUpWorkdays', `${d} is a weekday; a make-up working day is a Saturday or Sunday`);
        }
      }
      for (const md of c.annualHolidays ?? []) checkDates('annualHolidays', [`2024-${md}`]);
      const site = await owned(em, Site, c.id, user.org, 'id');
      // a site-scoped administrator manages its own sites; only an organisation-wide one creates sites
      if (site) scopeOf(user).assertSite(site.id);
      else scopeOf(user).assertOrgWide('create a site');
      const data = {
        id: site?.id ?? c.id ?? randomUUID(),
        orgId: user.org,
        name: c.name,
        timeZone,
        holidays: [...new Set(c.holidays ?? site?.holidays ?? [])].sort(),
        makeUpWorkdays: [...new Set(c.makeUpWorkdays ?? site?.makeUpWorkdays ?? [])].sort(),
        annualHolidays: [...new Set(c.annualHolidays ?? site?.annualHolidays ?? CHINA_ANNUAL_HOLIDAYS)].sort(),
        repairResponseMinutes: c.repairResponseMinutes ?? site?.repairResponseMinutes ?? DEFAULT_REPAIR_RESPONSE_MINUTES,
      };
      const saved = site ? em.assign(site, data) : em.create(Site, data);
      em.persist(saved);
      events.publish(SiteSaved, { orgId: saved.orgId, siteId: saved.id, name: saved.name, timeZone: saved.timeZone });
      return saved;
    });
  }
}
