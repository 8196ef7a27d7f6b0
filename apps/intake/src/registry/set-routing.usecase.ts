import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { Role } from '@pc/contracts';
import { assertRole, invalidInput, scopeOf } from '@pc/platform';
import type { SetRoutingCommand } from './commands/registry.commands';
import { RoutingRule } from './registry.entities';

/** The organisation's routing of one category (domain.md §2 "configurable per organisation"). */
@Injectable()
export class SetRouting {
  constructor(private readonly orm: MikroORM) {}

  execute(c: SetRoutingCommand): Promise<RoutingRule | null> {
    const { actor: user } = c;
    return this.orm.em.fork().transactional(async (em) => {
      assertRole(user, [Role.ADMIN]);
      scopeOf(user).assertOrgWide("change the organisation's routing");
      const departments = [...new Set(c.departments)];
      if (departments.length !== c.departments.length) throw invalidInput('departments', 'a department appears twice');
      const rule = await em.findOne(RoutingRule, { orgId: user.org, category: c.category });
      if (departments.length === 0) {
        if (rule) em.remove(rule);
        return null;
      }
      const saved = rule ?? em.create(RoutingRule, { orgId: user.org, category: c.category, departments });
      saved.departments = departments;
      em.persist(saved);
      return saved;
    });
  }
}
