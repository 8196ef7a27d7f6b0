import { Migration } from '@mikro-orm/migrations';

export class Migration20261207200807 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "case_progress" ("complaint_id" varchar(64) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "work_order_id" varchar(64) not null, "revision" int not null, "plan_signed_off_at" timestamptz null, "assigned_at" timestamptz null, "solution_agreed_at" timestamptz null, "resolved_at" timestamptz null, "deadlines" jsonb not null, constraint "case_progress_pkey" primary key ("complaint_id"));`);

    this.addSql(`create table "resident_feedback" ("id" varchar(64) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "complaint_id" varchar(64) not null, "customer_id" varchar(64) not null, "link_id" varchar(32) not null, "resolved_at" timestamptz not null, "confirmed_at" timestamptz null, "satisfaction" varchar(32) null, "comment" text null, "at" timestamptz not null, constraint "resident_feedback_pkey" primary key ("id"));`);
    this.addSql(`create index "resident_feedback_complaint_id_resolved_at_index" on "resident_feedback" ("complaint_id", "resolved_at");`);

    this.addSql(`create table "resident_link" ("id" varchar(32) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "complaint_id" varchar(64) not null, "customer_id" varchar(64) not null, "created_by" varchar(64) not null, "created_at" timestamptz not null, "revoked_at" timestamptz null, "revoked_by" varchar(64) null, constraint "resident_link_pkey" primary key ("id"));`);
    this.addSql(`create index "resident_link_complaint_id_index" on "resident_link" ("complaint_id");`);

    this.addSql(`alter table "complaint" add column "closed_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "case_progress" cascade;`);

    this.addSql(`drop table if exists "resident_feedback" cascade;`);

    this.addSql(`drop table if exists "resident_link" cascade;`);

    this.addSql(`alter table "complaint" drop column "closed_at";`);
  }

}
