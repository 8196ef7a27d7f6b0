import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Role, StaffSaved } from '@pc/contracts';
import { TransactionalOutbox } from '@pc/messaging';
import { assertRole, forbidden, invalidInput, scopeOf } from '@pc/platform';
import type { SaveStaffUserCommand } from './commands/registry.commands';
import { DEPARTMENT_ROLES, owned } from './registry-rules';
import { Site, StaffUser } from './registry.entities';

/** Staff users, their roles, department and sites: the organisation's administrators. Announced as `registry.staff_saved`. */
@Injectable()
export class SaveStaffUser {
  constructor(private readonly tx: TransactionalOutbox) {}

  execute(c: SaveStaffUserCommand): Promise<StaffUser> {
    const { actor: user } = c;
    return this.tx.by(user).run(async (em, events) => {
      assertRole(user, [Role.ADMIN]);
      const needsDepartment = c.roles.some((r) => DEPARTMENT_ROLES.includes(r));
      if (needsDepartment && !c.department) throw invalidInput('department', 'department staff and heads need a department');
      const scope = scopeOf(user);
      const sites = [...new Set(c.sites)];
      if (sites.includes('*') && sites.length > 1) throw invalidInput('sites', '"*" (every site) stands alone');
      // a site-scoped administrator grants only its own sites, and edits only staff within them
      if (sites.includes('*')) scope.assertOrgWide('grant every site');
      sites.filter((s) => s !== '*').forEach((s) => scope.assertSite(s));
      if (!sites.includes('*')) {
        const known = await em.find(Site, { id: { $in: sites }, orgId: user.org });
        const unknown = sites.filter((s) => !known.some((k) => k.id === s));
        if (unknown.length) throw invalidInput('sites', `unknown sites ${unknown.join(', ')}`);
      }
      const staff = await owned(em, StaffUser, c.id, user.org, 'id');
      if (staff && !scope.orgWide && (staff.sites.includes('*') || staff.sites.some((s) => !scope.canSee(s)))) {
        throw forbidden(`staff user ${staff.id} works at sites this administrator does not manage`);
      }
      const data = {
        id: staff?.id ?? c.id ?? randomUUID(),
        orgId: user.org,
        name: c.name,
        phone: c.phone ?? null,
        email: c.email ?? null,
        roles: [...new Set(c.roles)],
        department: c.department ?? null,
        sites,
        active: c.active ?? true,
      };
      const saved = staff ? em.assign(staff, data) : em.create(StaffUser, data);
      em.persist(saved);
      events.publish(StaffSaved, {
        orgId: saved.orgId,
        staffId: saved.id,
        roles: saved.roles,
        department: saved.department ?? undefined,
        sites: saved.sites,
        active: saved.active,
        name: saved.name,
        email: saved.email ?? undefined,
      });
      return saved;
    });
  }
}
