import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { Role } from '@pc/contracts';
import { assertRole, invalidInput } from '@pc/platform';
import type { SaveUnitCommand } from './commands/registry.commands';
import { existing, grantedSite, idUnavailable } from './registry-rules';
import { Area, Unit } from './registry.entities';

/** Units: administrators, or the head of that site. */
@Injectable()
export class SaveUnit {
  constructor(private readonly orm: MikroORM) {}

  execute(c: SaveUnitCommand): Promise<Unit> {
    const { actor: user } = c;
    return this.orm.em.fork().transactional(async (em) => {
      assertRole(user, [Role.SITE_HEAD]);
      await grantedSite(em, user, c.siteId);
      if (!(await em.findOne(Area, { id: c.areaId, siteId: c.siteId }))) {
        throw invalidInput('areaId', `area ${c.areaId} is not an area of site ${c.siteId}`);
      }
      const unit = await existing(em, Unit, c.id, {});
      if (unit && unit.siteId !== c.siteId) throw idUnavailable();
      const saved = unit ?? em.create(Unit, { id: c.id ?? randomUUID(), siteId: c.siteId, areaId: c.areaId, name: c.name });
      em.assign(saved, { areaId: c.areaId, name: c.name, building: c.building ?? null });
      em.persist(saved);
      return saved;
    });
  }
}
