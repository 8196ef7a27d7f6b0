import { Migration } from '@mikro-orm/migrations';

export class Migration20261207071231 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "roster_check" ("site_id" varchar(64) not null, "org_id" varchar(64) not null, "next_check_at" timestamptz not null, constraint "roster_check_pkey" primary key ("site_id"));`);
    this.addSql(`create index "roster_check_next_check_at_index" on "roster_check" ("next_check_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "roster_check" cascade;`);
  }

}
