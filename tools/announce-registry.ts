import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/core';
import { CustomerSaved, SiteSaved, StaffSaved } from '@pc/contracts';
import { Customer, INTAKE, Site, StaffUser } from '@pc/intake';
import { EventWriter } from '@pc/messaging';
import { ServiceConfig, SystemClock, loadConfig, ormOptions } from '@pc/platform';
import { subgraphPersistence } from '@pc/subgraph';

/**
 * `npm run registry:announce`: announces every site, staff user and customer of intake's registry
 * again (`registry.site_saved`, `registry.staff_saved`, `registry.customer_saved`) through intake's outbox, so that dispatch and
 * callback fill their directories after an upgrade or a restore. Idempotent: the directories upsert.
 * The running intake relays the events.
 */
async function main(): Promise<void> {
  const config = loadConfig(ServiceConfig, {
    AUTH_JWT_SECRET: 'unused-by-this-tool',
    GATEWAY_SECRET: 'unused-by-this-tool',
    ...process.env,
  });
  const orm = await MikroORM.init(ormOptions(subgraphPersistence(INTAKE, config)));
  try {
    const em = orm.em.fork();
    const events = new EventWriter(em, new SystemClock());
    const sites = await em.find(Site, {});
    for (const s of sites) events.publish(SiteSaved, { orgId: s.orgId, siteId: s.id, name: s.name, timeZone: s.timeZone });
    const staff = await em.find(StaffUser, {});
    for (const u of staff) {
      events.publish(StaffSaved, {
        orgId: u.orgId,
        staffId: u.id,
        roles: u.roles,
        department: u.department ?? undefined,
        sites: u.sites,
        active: u.active,
      });
    }
    let customers = 0;
    for (let offset = 0; ; offset += 1000) {
      const page = await em.find(Customer, {}, { orderBy: { id: 'asc' }, limit: 1000, offset, fields: ['id', 'orgId', 'siteId'] });
      page.forEach((c) => events.publish(CustomerSaved, { orgId: c.orgId, siteId: c.siteId, customerId: c.id }));
      customers += page.length;
      await events.write();
      em.clear();
      if (page.length < 1000) break;
      process.stdout.write(`  ${customers} customers queued\n`);
    }
    await events.write();
    process.stdout.write(
      `queued ${sites.length} sites, ${staff.length} staff users and ${customers} customers in intake's outbox; the intake relay publishes them\n`,
    );
  } finally {
    await orm.close();
  }
}

main().catch((e) => {
  process.stderr.write(`registry:announce failed: ${e?.stack ?? e}\n`);
  process.exit(1);
});
