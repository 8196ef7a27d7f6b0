import { Migration } from '@mikro-orm/migrations';

export class Migration20261207225619 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "committee_clock" ("site_id" varchar(64) not null, "org_id" varchar(64) not null, "month" varchar(7) not null, "due_at" timestamptz not null, constraint "committee_clock_pkey" primary key ("site_id"));`);
    this.addSql(`create index "committee_clock_due_at_index" on "committee_clock" ("due_at");`);

    this.addSql(`create table "committee_meeting" ("id" varchar(64) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "month" varchar(7) not null, "held_at" timestamptz not null, "attendee_ids" jsonb not null, "staff_ids" jsonb not null, "minutes" text not null, "items" jsonb not null, "recorded_by" varchar(64) not null, "recorded_at" timestamptz not null, constraint "committee_meeting_pkey" primary key ("id"));`);
    this.addSql(`create index "committee_meeting_org_id_site_id_month_index" on "committee_meeting" ("org_id", "site_id", "month");`);
    this.addSql(`alter table "committee_meeting" add constraint "committee_meeting_site_id_held_at_unique" unique ("site_id", "held_at");`);

    this.addSql(`create table "committee_member" ("id" varchar(64) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "customer_id" varchar(64) not null, "position" varchar(16) not null, "since" varchar(10) not null, "left_on" varchar(10) null, "recorded_by" varchar(64) not null, "recorded_at" timestamptz not null, constraint "committee_member_pkey" primary key ("id"));`);
    this.addSql(`create index "committee_member_org_id_site_id_index" on "committee_member" ("org_id", "site_id");`);
    this.addSql(`alter table "committee_member" add constraint "committee_member_site_id_customer_id_unique" unique ("site_id", "customer_id");`);

    this.addSql(`create table "relationship_plan" ("id" varchar(64) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "year" int not null, "period" varchar(7) not null, "goals" jsonb not null, "activities" jsonb not null, "budget_yuan" int not null, "saved_by" varchar(64) not null, "saved_at" timestamptz not null, constraint "relationship_plan_pkey" primary key ("id"));`);
    this.addSql(`create index "relationship_plan_org_id_site_id_year_index" on "relationship_plan" ("org_id", "site_id", "year");`);
    this.addSql(`alter table "relationship_plan" add constraint "relationship_plan_site_id_period_unique" unique ("site_id", "period");`);

    this.addSql(`create table "resident_notice" ("id" varchar(64) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "kind" varchar(16) not null, "title" varchar(200) not null, "body" text not null, "audience" jsonb not null, "unit_ids" jsonb null, "starts_at" timestamptz not null, "ends_at" timestamptz null, "channels" jsonb not null, "sent_to" jsonb not null, "published_by" varchar(64) not null, "published_at" timestamptz not null, constraint "resident_notice_pkey" primary key ("id"));`);
    this.addSql(`create index "resident_notice_org_id_site_id_published_at_index" on "resident_notice" ("org_id", "site_id", "published_at");`);

    this.addSql(`alter table "unit" add column "building" varchar(100) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "committee_clock" cascade;`);

    this.addSql(`drop table if exists "committee_meeting" cascade;`);

    this.addSql(`drop table if exists "committee_member" cascade;`);

    this.addSql(`drop table if exists "relationship_plan" cascade;`);

    this.addSql(`drop table if exists "resident_notice" cascade;`);

    this.addSql(`alter table "unit" drop column "building";`);
  }

}
