import { Migration } from '@mikro-orm/migrations';

/** Customers belong to a site (their unit's, or the first site of the organisation for legacy walk-ins): the tenant scope reads it. */
export class Migration20261129114801 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "customer" add column "site_id" varchar(64) null;`);
    this.addSql(`update "customer" c set "site_id" = u."site_id" from "unit" u where u."id" = c."unit_id";`);
    this.addSql(`update "customer" c set "site_id" = (select min(s."id") from "site" s where s."org_id" = c."org_id") where c."site_id" is null;`);
    this.addSql(`delete from "customer" where "site_id" is null;`);
    this.addSql(`alter table "customer" alter column "site_id" set not null;`);
    this.addSql(`create index "customer_org_id_site_id_index" on "customer" ("org_id", "site_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "customer_org_id_site_id_index";`);
    this.addSql(`alter table "customer" drop column "site_id";`);
  }
}
