import { Migration } from '@mikro-orm/migrations';

export class Migration20261208023006 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "survey_schedule" ("id" varchar(64) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "kind" varchar(32) not null, "questionnaire_id" varchar(64) not null, "sample_rule" jsonb not null, "active" boolean not null, "next_period" varchar(16) not null, "next_run_at" timestamptz not null, "last_survey_id" varchar(64) null, "last_error" text null, "created_by" varchar(64) not null, "updated_at" timestamptz not null, constraint "survey_schedule_pkey" primary key ("id"));`);
    this.addSql(`create index "survey_schedule_active_next_run_at_index" on "survey_schedule" ("active", "next_run_at");`);
    this.addSql(`alter table "survey_schedule" add constraint "survey_schedule_org_id_site_id_kind_unique" unique ("org_id", "site_id", "kind");`);

    this.addSql(`alter table "survey_follow_up" add column "overdue_at" timestamptz null, add column "called_back_at" timestamptz null, add column "called_back_by" varchar(64) null, add column "callback_satisfaction" varchar(32) null, add column "callback_note" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "survey_schedule" cascade;`);

    this.addSql(`alter table "survey_follow_up" drop column "overdue_at", drop column "called_back_at", drop column "called_back_by", drop column "callback_satisfaction", drop column "callback_note";`);
  }

}
