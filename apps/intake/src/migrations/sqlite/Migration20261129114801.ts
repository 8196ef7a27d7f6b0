import { Migration } from '@mikro-orm/migrations';

/** Customers belong to a site (their unit's, or the first site of the organisation for legacy walk-ins): the tenant scope reads it. */
export class Migration20261129114801 extends Migration {
  override async up(): Promise<void> {
    this.addSql("alter table `customer` add column `site_id` text not null default '';");
    this.addSql('update `customer` set `site_id` = (select u.`site_id` from `unit` u where u.`id` = `customer`.`unit_id`) where `unit_id` is not null;');
    this.addSql("update `customer` set `site_id` = coalesce((select min(s.`id`) from `site` s where s.`org_id` = `customer`.`org_id`), '') where `site_id` = '' or `site_id` is null;");
    this.addSql('create index `customer_org_id_site_id_index` on `customer` (`org_id`, `site_id`);');
  }
}
