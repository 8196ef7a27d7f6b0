import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { Role } from '@pc/contracts';
import { assertRole, invalidInput } from '@pc/platform';
import type { SaveAreaCommand } from './commands/registry.commands';
import { existing, grantedSite, idUnavailable } from './registry-rules';
import { Area, StaffUser } from './registry.entities';

/** Areas and their managers: administrators, or the head of that site. */
@Injectable()
export class SaveArea {
  constructor(private readonly orm: MikroORM) {}

  execute(c: SaveAreaCommand): Promise<Area> {
    const { actor: user } = c;
    return this.orm.em.fork().transactional(async (em) => {
      assertRole(user, [Role.SITE_HEAD]);
      await grantedSite(em, user, c.siteId);
      if (c.areaManagerId) {
        const manager = await em.findOne(StaffUser, { id: c.areaManagerId, orgId: user.org, active: true });
        if (!manager?.roles.includes(Role.AREA_MANAGER)) {
          throw invalidInput('areaManagerId', `${c.areaManagerId} is not an active area manager of this organisation`);
        }
      }
      const area = await existing(em, Area, c.id, {});
      if (area && area.siteId !== c.siteId) throw idUnavailable();
      const saved = area ?? em.create(Area, { id: c.id ?? randomUUID(), siteId: c.siteId, name: c.name });
      em.assign(saved, { name: c.name, areaManagerId: c.areaManagerId ?? null });
      em.persist(saved);
      return saved;
    });
  }
}
