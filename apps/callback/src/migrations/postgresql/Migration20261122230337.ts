import { Migration } from '@mikro-orm/migrations';

export class Migration20261122230337 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "callback_attempt" ("id" varchar(64) not null, "callback_id" varchar(64) not null, "method" varchar(16) not null, "note" text null, "by" varchar(64) not null, "at" timestamptz not null, "retry_at" timestamptz null, constraint "callback_attempt_pkey" primary key ("id"));`);
    this.addSql(`create index "callback_attempt_callback_id_at_index" on "callback_attempt" ("callback_id", "at");`);

    this.addSql(`create table "survey_follow_up" ("id" varchar(64) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "survey_id" varchar(64) not null, "response_id" varchar(64) not null, "question" int not null, "plan" text not null, "owner_id" varchar(64) not null, "due_at" timestamptz not null, "done_at" timestamptz null, constraint "survey_follow_up_pkey" primary key ("id"));`);
    this.addSql(`create index "survey_follow_up_org_id_site_id_done_at_due_at_index" on "survey_follow_up" ("org_id", "site_id", "done_at", "due_at");`);

    this.addSql(`create table "survey" ("id" varchar(64) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "kind" varchar(32) not null, "period" varchar(16) not null, "questions" jsonb not null, "created_by" varchar(64) not null, "created_at" timestamptz not null, constraint "survey_pkey" primary key ("id"));`);
    this.addSql(`create index "survey_org_id_site_id_period_index" on "survey" ("org_id", "site_id", "period");`);

    this.addSql(`create table "survey_response" ("id" varchar(64) not null, "survey_id" varchar(64) not null, "customer_id" varchar(64) not null, "answers" jsonb not null, "recorded_by" varchar(64) not null, "at" timestamptz not null, constraint "survey_response_pkey" primary key ("id"));`);
    this.addSql(`create index "survey_response_survey_id_index" on "survey_response" ("survey_id");`);

    this.addSql(`alter table "callback" add column "area_manager_id" varchar(64) null, add column "kind" varchar(16) not null default 'COMPLAINT', add column "time_zone" varchar(64) not null default 'Asia/Shanghai', add column "status" varchar(16) not null default 'OPEN', add column "attempts" int not null default 0, add column "next_attempt_at" timestamptz null, add column "overdue_at" timestamptz null, add column "escalated_to" varchar(64) null, add column "reached" varchar(200) null, add column "service_quality" varchar(32) null, add column "attitude" varchar(32) null, add column "price_check" varchar(16) null, add column "shortcomings" text null, add column "suggestions" text null;`);
    this.addSql(`create index "callback_org_id_resolved_at_index" on "callback" ("org_id", "resolved_at");`);
    this.addSql(`create index "callback_org_id_assignee_status_due_at_index" on "callback" ("org_id", "assignee", "status", "due_at");`);

    // hand-added: callbacks recorded before statuses existed are done
    this.addSql(`update "callback" set "status" = 'DONE' where "completed_at" is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "callback_attempt" cascade;`);

    this.addSql(`drop table if exists "survey_follow_up" cascade;`);

    this.addSql(`drop table if exists "survey" cascade;`);

    this.addSql(`drop table if exists "survey_response" cascade;`);

    this.addSql(`drop index "callback_org_id_resolved_at_index";`);
    this.addSql(`drop index "callback_org_id_assignee_status_due_at_index";`);
    this.addSql(`alter table "callback" drop column "area_manager_id", drop column "kind", drop column "time_zone", drop column "status", drop column "attempts", drop column "next_attempt_at", drop column "overdue_at", drop column "escalated_to", drop column "reached", drop column "service_quality", drop column "attitude", drop column "price_check", drop column "shortcomings", drop column "suggestions";`);
  }

}
