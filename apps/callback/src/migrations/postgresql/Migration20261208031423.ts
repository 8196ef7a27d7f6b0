import { Migration } from '@mikro-orm/migrations';

export class Migration20261208031423 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "quality_check" ("id" varchar(64) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "month" varchar(7) not null, "seed" varchar(100) not null, "handled" int not null, "drawn_by" varchar(64) not null, "drawn_at" timestamptz not null, constraint "quality_check_pkey" primary key ("id"));`);
    this.addSql(`alter table "quality_check" add constraint "quality_check_org_id_site_id_month_unique" unique ("org_id", "site_id", "month");`);

    this.addSql(`create table "quality_check_item" ("id" varchar(64) not null, "check_id" varchar(64) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "kind" varchar(16) not null, "ref_id" varchar(64) not null, "case_id" varchar(64) not null, "handled_at" timestamptz not null, "handled_as_recorded" boolean null, "customer_told" boolean null, "note" text null, "checked_by" varchar(64) null, "checked_at" timestamptz null, "consequence" varchar(32) null, constraint "quality_check_item_pkey" primary key ("id"));`);
    this.addSql(`create index "quality_check_item_check_id_index" on "quality_check_item" ("check_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "quality_check" cascade;`);

    this.addSql(`drop table if exists "quality_check_item" cascade;`);
  }

}
