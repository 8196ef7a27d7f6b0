import { Migration } from '@mikro-orm/migrations';

/**
 * The read model of issue 12. complaint_fact and deadline_fact are recreated rather than altered: the
 * read model is rebuilt from the stream (the new durable consumer `analytics-read-model` starts at the
 * stream's first message), so nothing of the old tables needs keeping.
 */
export class Migration20261129133350 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "callback_fact" ("callback_id" varchar(64) not null, "case_id" varchar(64) not null, "kind" varchar(16) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "area_id" varchar(64) not null, "month" varchar(7) not null, "day" varchar(10) not null, "week" varchar(10) not null, "round" int not null, "status" varchar(16) not null, "due_at" varchar(30) not null, "resolved_at" varchar(30) not null, "completed_at" varchar(30) null, "satisfaction" varchar(32) null, constraint "callback_fact_pkey" primary key ("callback_id"));`);
    this.addSql(`create index "callback_fact_case_id_index" on "callback_fact" ("case_id");`);
    this.addSql(`create index "callback_fact_org_id_month_site_id_index" on "callback_fact" ("org_id", "month", "site_id");`);
    this.addSql(`create table "case_entry" ("id" varchar(64) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "complaint_id" varchar(64) not null, "severity" varchar(16) not null, "category" varchar(32) not null, "cause" varchar(32) null, "title" varchar(200) not null, "summary" text not null, "lessons" text not null, "tags" text not null, "search_text" text not null, "created_by" varchar(64) not null, "created_at" varchar(30) not null, constraint "case_entry_pkey" primary key ("id"));`);
    this.addSql(`create index "case_entry_org_id_created_at_id_index" on "case_entry" ("org_id", "created_at", "id");`);
    this.addSql(`alter table "case_entry" add constraint "case_entry_org_id_complaint_id_unique" unique ("org_id", "complaint_id");`);
    this.addSql(`create table "complaint_archive" ("complaint_id" varchar(64) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "area_id" varchar(64) not null, "closed_at" varchar(30) not null, "purge_at" varchar(30) not null, "document" text not null, "purge_announced_at" varchar(30) null, constraint "complaint_archive_pkey" primary key ("complaint_id"));`);
    this.addSql(`create index "complaint_archive_purge_at_index" on "complaint_archive" ("purge_at");`);
    this.addSql(`create table "report_cube" ("org_id" varchar(64) not null, "month" varchar(7) not null, "site_id" varchar(64) not null, "area_id" varchar(64) not null, "dim" varchar(40) not null, "key" varchar(64) not null, "n" bigint not null, constraint "report_cube_pkey" primary key ("org_id", "month", "site_id", "area_id", "dim", "key"));`);
    this.addSql(`create index "report_cube_org_id_month_index" on "report_cube" ("org_id", "month");`);
    this.addSql(`create table "customer_month" ("org_id" varchar(64) not null, "month" varchar(7) not null, "site_id" varchar(64) not null, "customer_id" varchar(64) not null, "area_id" varchar(64) not null, "complaints" int not null, "repeat" boolean not null, "flagged" boolean not null, constraint "customer_month_pkey" primary key ("org_id", "month", "site_id", "customer_id"));`);
    this.addSql(`create index "customer_month_org_id_month_flagged_index" on "customer_month" ("org_id", "month", "flagged");`);
    this.addSql(`create table "complaint_department_fact" ("complaint_id" varchar(64) not null, "department" varchar(32) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "area_id" varchar(64) not null, "month" varchar(7) not null, "lead" boolean not null, "valid" boolean not null, constraint "complaint_department_fact_pkey" primary key ("complaint_id", "department"));`);
    this.addSql(`create index "complaint_department_fact_org_id_month_site_id_index" on "complaint_department_fact" ("org_id", "month", "site_id");`);
    this.addSql(`create table "emergency_fact" ("emergency_id" varchar(64) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "month" varchar(7) not null, "work_order_id" varchar(64) null, "reported_at" varchar(30) not null, constraint "emergency_fact_pkey" primary key ("emergency_id"));`);
    this.addSql(`create index "emergency_fact_work_order_id_index" on "emergency_fact" ("work_order_id");`);
    this.addSql(`create index "emergency_fact_org_id_month_site_id_index" on "emergency_fact" ("org_id", "month", "site_id");`);
    this.addSql(`create table "escalation_fact" ("event_id" varchar(64) not null, "complaint_id" varchar(64) not null, "work_order_id" varchar(64) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "area_id" varchar(64) not null, "month" varchar(7) not null, "to_level" varchar(32) not null, "clock" varchar(32) null, "at" varchar(30) not null, constraint "escalation_fact_pkey" primary key ("event_id"));`);
    this.addSql(`create index "escalation_fact_complaint_id_index" on "escalation_fact" ("complaint_id");`);
    this.addSql(`create index "escalation_fact_org_id_month_site_id_index" on "escalation_fact" ("org_id", "month", "site_id");`);
    this.addSql(`create table "analytics_event" ("event_id" varchar(64) not null, "subject" varchar(64) not null, "version" int not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "case_id" varchar(80) not null, "work_order_id" varchar(64) null, "actor" varchar(64) not null, "channel" varchar(32) null, "occurred_at" varchar(30) not null, "payload" text not null, constraint "analytics_event_pkey" primary key ("event_id"));`);
    this.addSql(`create index "analytics_event_org_id_occurred_at_index" on "analytics_event" ("org_id", "occurred_at");`);
    this.addSql(`create index "analytics_event_org_id_actor_occurred_at_index" on "analytics_event" ("org_id", "actor", "occurred_at");`);
    this.addSql(`create index "analytics_event_case_id_index" on "analytics_event" ("case_id");`);
    this.addSql(`create table "penalty_fact" ("penalty_id" varchar(64) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "month" varchar(7) not null, "work_order_id" varchar(64) null, "contractor" varchar(200) not null, "failure" varchar(32) not null, "at" varchar(30) not null, "amount_yuan" int null, constraint "penalty_fact_pkey" primary key ("penalty_id"));`);
    this.addSql(`create index "penalty_fact_work_order_id_index" on "penalty_fact" ("work_order_id");`);
    this.addSql(`create index "penalty_fact_org_id_month_site_id_index" on "penalty_fact" ("org_id", "month", "site_id");`);
    this.addSql(`create table "product_suggestion" ("org_id" varchar(64) not null, "month" varchar(7) not null, "site_id" varchar(64) not null, "category" varchar(32) not null, "cause" varchar(32) not null, "suggestion" text not null, "edited_by" varchar(64) not null, "edited_at" varchar(30) not null, constraint "product_suggestion_pkey" primary key ("org_id", "month", "site_id", "category", "cause"));`);
    this.addSql(`create table "report_submission" ("org_id" varchar(64) not null, "site_id" varchar(64) not null, "month" varchar(7) not null, "due_at" varchar(30) not null, "submitted_at" varchar(30) null, "submitted_by" varchar(64) null, "commentary" text null, "snapshot" text null, "flagged_at" varchar(30) null, constraint "report_submission_pkey" primary key ("org_id", "site_id", "month"));`);
    this.addSql(`create index "report_submission_due_at_index" on "report_submission" ("due_at");`);
    this.addSql(`create table "site_fact" ("site_id" varchar(64) not null, "org_id" varchar(64) not null, "name" varchar(200) not null, "time_zone" varchar(64) not null, constraint "site_fact_pkey" primary key ("site_id"));`);
    this.addSql(`create table "survey_fact" ("response_id" varchar(64) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "month" varchar(7) not null, "answers" int not null, "dissatisfied" int not null, "follow_ups" int not null, constraint "survey_fact_pkey" primary key ("response_id"));`);
    this.addSql(`create index "survey_fact_org_id_month_site_id_index" on "survey_fact" ("org_id", "month", "site_id");`);
    this.addSql(`create table "work_order_fact" ("work_order_id" varchar(64) not null, "complaint_id" varchar(64) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "area_id" varchar(64) not null, "month" varchar(7) not null, "severity" varchar(16) not null, "category" varchar(32) not null, "department" varchar(32) not null, "lead" boolean not null, "status" varchar(32) not null, "round" int not null, "revision" int not null, "escalation_level" varchar(32) not null, "escalations" int not null, "extensions" int not null, "plan" text null, "handler_id" varchar(64) null, "resolved_at" varchar(30) null, "resolution" text null, "cause" varchar(32) null, "cause_analysis" text null, "corrective_action_report" text null, "closed_at" varchar(30) null, constraint "work_order_fact_pkey" primary key ("work_order_id"));`);
    this.addSql(`create index "work_order_fact_org_id_month_site_id_index" on "work_order_fact" ("org_id", "month", "site_id");`);
    this.addSql(`create index "work_order_fact_complaint_id_index" on "work_order_fact" ("complaint_id");`);
    this.addSql(`drop table if exists "complaint_fact" cascade;`);
    this.addSql(`create table "complaint_fact" ("complaint_id" varchar(64) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "area_id" varchar(64) not null, "customer_id" varchar(64) null, "month" varchar(7) not null, "day" varchar(10) not null, "week" varchar(10) not null, "received_at" varchar(30) not null, "valid" boolean not null, "category" varchar(32) not null, "severity" varchar(16) not null, "channel" varchar(32) not null, "lead_department" varchar(32) not null, "resolved_at_intake" boolean not null, "repeat" boolean not null, "resolved_at" varchar(30) null, "closed_at" varchar(30) null, "rounds" int not null, "plan_minutes" int null, "resolve_minutes" int null, "cause" varchar(32) null, constraint "complaint_fact_pkey" primary key ("complaint_id"));`);
    this.addSql(`create index "complaint_fact_org_id_month_site_id_index" on "complaint_fact" ("org_id", "month", "site_id");`);
    this.addSql(`create index "complaint_fact_org_id_day_index" on "complaint_fact" ("org_id", "day");`);
    this.addSql(`drop table if exists "deadline_fact" cascade;`);
    this.addSql(`create table "deadline_fact" ("work_order_id" varchar(64) not null, "round" int not null, "clock" varchar(32) not null, "complaint_id" varchar(64) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "area_id" varchar(64) not null, "month" varchar(7) not null, "day" varchar(10) not null, "week" varchar(10) not null, "category" varchar(32) not null, "department" varchar(32) not null, "due_at" varchar(30) not null, "met_at" varchar(30) null, "breached_at" varchar(30) null, "outcome" varchar(16) not null, constraint "deadline_fact_pkey" primary key ("work_order_id", "round", "clock"));`);
    this.addSql(`create index "deadline_fact_complaint_id_index" on "deadline_fact" ("complaint_id");`);
    this.addSql(`create index "deadline_fact_org_id_month_site_id_index" on "deadline_fact" ("org_id", "month", "site_id");`);
  }

  override async down(): Promise<void> {
    throw new Error('the analytics read model of issue 12 has no way down: restore a backup, or rebuild with the earlier release');
  }
}
