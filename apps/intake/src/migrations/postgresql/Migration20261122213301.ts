import { Migration } from '@mikro-orm/migrations';

export class Migration20261122213301 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "routing_rule" ("org_id" varchar(64) not null, "category" varchar(32) not null, "departments" jsonb not null, constraint "routing_rule_pkey" primary key ("org_id", "category"));`);

    this.addSql(`create table "staff_user" ("id" varchar(64) not null, "org_id" varchar(64) not null, "name" varchar(200) not null, "phone" varchar(40) null, "roles" jsonb not null, "department" varchar(32) null, "sites" jsonb not null, "active" boolean not null default true, constraint "staff_user_pkey" primary key ("id"));`);
    this.addSql(`create index "staff_user_org_id_index" on "staff_user" ("org_id");`);

    this.addSql(`alter table "complaint" add column "recorded_by" varchar(64) null, add column "location" varchar(200) null, add column "attachments" jsonb not null default '[]', add column "invalid_reason" text null, add column "reply" text null, add column "replied_at" timestamptz null, add column "replied_via" varchar(32) null, add column "repeat_of" varchar(64) null, add column "severity_history" jsonb not null default '[]';`);
    // hand-written: rows filed before this migration were entered by whoever took them
    this.addSql(`update "complaint" set "recorded_by" = "received_by" where "recorded_by" is null;`);
    this.addSql(`alter table "complaint" alter column "recorded_by" set not null;`);
    this.addSql(`create index "complaint_org_id_customer_id_status_index" on "complaint" ("org_id", "customer_id", "status");`);

    this.addSql(`alter table "customer" add column "email" varchar(200) null;`);

    this.addSql(`alter table "site" add column "annual_holidays" jsonb not null default '["01-01","05-01","05-02","10-01","10-02","10-03"]';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "routing_rule" cascade;`);

    this.addSql(`drop table if exists "staff_user" cascade;`);

    this.addSql(`drop index "complaint_org_id_customer_id_status_index";`);
    this.addSql(`alter table "complaint" drop column "recorded_by", drop column "location", drop column "attachments", drop column "invalid_reason", drop column "reply", drop column "replied_at", drop column "replied_via", drop column "repeat_of", drop column "severity_history";`);

    this.addSql(`alter table "customer" drop column "email";`);

    this.addSql(`alter table "site" drop column "annual_holidays";`);
  }

}
