import { Migration } from '@mikro-orm/migrations';

export class Migration20261207194010 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "claim" ("id" varchar(64) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "customer_id" varchar(64) not null, "complaint_id" varchar(64) null, "description" text not null, "amount_claimed_yuan" int not null, "evidence" jsonb not null, "claimed_at" timestamptz not null, "recorded_by" varchar(64) not null, "decision" varchar(32) null, "amount_awarded_yuan" int null, "decision_reason" text null, "decided_by" varchar(64) null, "decided_at" timestamptz null, "paid_at" timestamptz null, "paid_by" varchar(64) null, constraint "claim_pkey" primary key ("id"));`);
    this.addSql(`create index "claim_org_id_site_id_customer_id_claimed_at_index" on "claim" ("org_id", "site_id", "customer_id", "claimed_at");`);

    this.addSql(`create table "customer_file_opening" ("id" varchar(64) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "customer_id" varchar(64) not null, "opened_by" varchar(64) not null, "opened_at" timestamptz not null, constraint "customer_file_opening_pkey" primary key ("id"));`);
    this.addSql(`create index "customer_file_opening_customer_id_opened_at_index" on "customer_file_opening" ("customer_id", "opened_at");`);
    this.addSql(`create index "customer_file_opening_org_id_site_id_opened_at_index" on "customer_file_opening" ("org_id", "site_id", "opened_at");`);

    this.addSql(`create table "key_customer_tag" ("id" varchar(64) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "customer_id" varchar(64) not null, "reason" varchar(32) not null, "note" text null, "tagged_by" varchar(64) not null, "tagged_at" timestamptz not null, constraint "key_customer_tag_pkey" primary key ("id"));`);
    this.addSql(`create index "key_customer_tag_org_id_site_id_customer_id_index" on "key_customer_tag" ("org_id", "site_id", "customer_id");`);
    this.addSql(`alter table "key_customer_tag" add constraint "key_customer_tag_customer_id_reason_unique" unique ("customer_id", "reason");`);

    this.addSql(`create table "unit_holding" ("id" varchar(64) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "customer_id" varchar(64) not null, "unit_id" varchar(64) not null, "role" varchar(16) not null, "moved_in_on" varchar(10) not null, "moved_out_on" varchar(10) null, "recorded_by" varchar(64) not null, "recorded_at" timestamptz not null, constraint "unit_holding_pkey" primary key ("id"));`);
    this.addSql(`create index "unit_holding_org_id_site_id_customer_id_index" on "unit_holding" ("org_id", "site_id", "customer_id");`);
    this.addSql(`alter table "unit_holding" add constraint "unit_holding_customer_id_unit_id_role_moved_in_on_unique" unique ("customer_id", "unit_id", "role", "moved_in_on");`);

    this.addSql(`alter table "complaint" add column "key_customer" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "claim" cascade;`);

    this.addSql(`drop table if exists "customer_file_opening" cascade;`);

    this.addSql(`drop table if exists "key_customer_tag" cascade;`);

    this.addSql(`drop table if exists "unit_holding" cascade;`);

    this.addSql(`alter table "complaint" drop column "key_customer";`);
  }

}
