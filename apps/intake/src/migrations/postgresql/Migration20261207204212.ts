import { Migration } from '@mikro-orm/migrations';

export class Migration20261207204212 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "visit" ("id" varchar(64) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "customer_id" varchar(64) not null, "month" varchar(7) not null, "kind" varchar(16) not null, "service_request_id" varchar(64) null, "status" varchar(8) not null default 'PLANNED', "planned_by" varchar(64) not null, "planned_at" timestamptz not null, "visited_at" timestamptz null, "visited_by" varchar(64) null, "view" text null, "satisfaction" varchar(32) null, "raised" jsonb not null, constraint "visit_pkey" primary key ("id"));`);
    this.addSql(`create index "visit_org_id_site_id_month_index" on "visit" ("org_id", "site_id", "month");`);
    this.addSql(`alter table "visit" add constraint "visit_customer_id_month_kind_unique" unique ("customer_id", "month", "kind");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "visit" cascade;`);
  }

}
