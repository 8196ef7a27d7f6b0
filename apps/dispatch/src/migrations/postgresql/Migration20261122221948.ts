import { Migration } from '@mikro-orm/migrations';

export class Migration20261122221948 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "contractor_penalty" ("id" varchar(64) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "notice_id" varchar(64) not null, "contractor" varchar(200) not null, "failure" varchar(32) not null, "at" timestamptz not null, "amount_yuan" int null, "amount_set_by" varchar(64) null, "settled_at" timestamptz null, constraint "contractor_penalty_pkey" primary key ("id"));`);
    this.addSql(`alter table "contractor_penalty" add constraint "contractor_penalty_notice_id_unique" unique ("notice_id");`);
    this.addSql(`create index "contractor_penalty_org_id_site_id_settled_at_index" on "contractor_penalty" ("org_id", "site_id", "settled_at");`);

    this.addSql(`create table "emergency_event" ("id" varchar(64) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "work_order_id" varchar(64) null, "description" text not null, "occurred_at" timestamptz not null, "reported_by" varchar(64) not null, "reported_at" timestamptz not null, "containment" text null, "cause" text null, "remedy" text null, "prevention" text null, "reviewed_by" varchar(64) null, "reviewed_at" timestamptz null, constraint "emergency_event_pkey" primary key ("id"));`);
    this.addSql(`create index "emergency_event_org_id_site_id_reported_at_index" on "emergency_event" ("org_id", "site_id", "reported_at");`);

    this.addSql(`create table "escalation" ("id" varchar(64) not null, "work_order_id" varchar(64) not null, "from_level" varchar(32) not null, "to_level" varchar(32) not null, "reason" text not null, "clock" varchar(32) null, "by" varchar(64) not null, "at" timestamptz not null, constraint "escalation_pkey" primary key ("id"));`);
    this.addSql(`create index "escalation_work_order_id_at_index" on "escalation" ("work_order_id", "at");`);

    this.addSql(`create table "deadline_extension" ("id" varchar(64) not null, "work_order_id" varchar(64) not null, "deadline_id" varchar(64) not null, "clock" varchar(32) not null, "previous_due_at" timestamptz not null, "new_due_at" timestamptz not null, "reason" text not null, "customer_told_at" timestamptz not null, "customer_told_via" varchar(16) not null, "by" varchar(64) not null, "at" timestamptz not null, constraint "deadline_extension_pkey" primary key ("id"));`);
    this.addSql(`create index "deadline_extension_work_order_id_index" on "deadline_extension" ("work_order_id");`);

    this.addSql(`create table "liaison_letter" ("id" varchar(64) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "complaint_id" varchar(64) not null, "work_order_id" varchar(64) not null, "from_department" varchar(32) null, "to_department" varchar(32) not null, "body" text not null, "due_at" timestamptz not null, "sent_by" varchar(64) not null, "sent_at" timestamptz not null, "answer" text null, "answered_by" varchar(64) null, "answered_at" timestamptz null, "overdue_at" timestamptz null, constraint "liaison_letter_pkey" primary key ("id"));`);
    this.addSql(`create index "liaison_letter_due_at_index" on "liaison_letter" ("due_at");`);
    this.addSql(`create index "liaison_letter_org_id_to_department_answered_at_index" on "liaison_letter" ("org_id", "to_department", "answered_at");`);

    this.addSql(`create table "progress_note" ("id" varchar(64) not null, "work_order_id" varchar(64) not null, "note" text not null, "by" varchar(64) not null, "at" timestamptz not null, "customer_informed_at" timestamptz null, "customer_informed_via" varchar(16) null, constraint "progress_note_pkey" primary key ("id"));`);
    this.addSql(`create index "progress_note_work_order_id_at_index" on "progress_note" ("work_order_id", "at");`);

    this.addSql(`create table "rectification_notice" ("id" varchar(64) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "work_order_id" varchar(64) not null, "contractor" varchar(200) not null, "defect" text not null, "issued_by" varchar(64) not null, "issued_at" timestamptz not null, "rectify_by" timestamptz not null, "arrived_at" timestamptz null, "returned_at" timestamptz null, "completed_at" timestamptz null, "failure" varchar(32) null, "failed_at" timestamptz null, "emergency_repair_started_at" timestamptz null, constraint "rectification_notice_pkey" primary key ("id"));`);
    this.addSql(`create index "rectification_notice_rectify_by_index" on "rectification_notice" ("rectify_by");`);
    this.addSql(`create index "rectification_notice_org_id_site_id_issued_at_index" on "rectification_notice" ("org_id", "site_id", "issued_at");`);

    this.addSql(`drop index "deadline_due_at_index";`);
    this.addSql(`alter table "deadline" drop constraint "deadline_work_order_id_clock_unique";`);

    this.addSql(`alter table "deadline" add column "round" int not null default 1, add column "ref" varchar(64) not null default '', add column "fired_at" timestamptz null, add column "cancelled_at" timestamptz null;`);
    this.addSql(`create index "deadline_work_order_id_index" on "deadline" ("work_order_id");`);
    this.addSql(`alter table "deadline" add constraint "deadline_work_order_id_clock_round_ref_unique" unique ("work_order_id", "clock", "round", "ref");`);

    this.addSql(`alter table "work_order" add column "customer_id" varchar(64) not null default '', add column "round" int not null default 1, add column "next_due_at" timestamptz not null default '9999-12-31 00:00:00', add column "escalation_level" varchar(32) not null default 'HANDLER', add column "plan" text null, add column "plan_written_by" varchar(64) null, add column "plan_written_at" timestamptz null, add column "plan_signed_off_by" varchar(64) null, add column "plan_signed_off_at" timestamptz null, add column "handler_id" varchar(64) null, add column "assigned_at" timestamptz null, add column "reported_to" varchar(64) null, add column "reported_to_head_at" timestamptz null, add column "agreed_solution" text null, add column "solution_agreed_at" timestamptz null, add column "corrective_action_report" text null, add column "confirmed_at" timestamptz null, add column "confirmation_signature" varchar(500) null, add column "confirmation_recorded_by" varchar(64) null, add column "closed_at" timestamptz null, add column "closed_by" varchar(64) null;`);
    this.addSql(`create index "work_order_org_id_next_due_at_id_index" on "work_order" ("org_id", "next_due_at", "id");`);

    // hand-added: the scheduler's claim query reads only pending clocks (partial index, not in the snapshot)
    this.addSql(`create index "deadline_pending_due_at_index" on "deadline" ("due_at") where "fired_at" is null and "met_at" is null and "cancelled_at" is null;`);
    // hand-added: existing work orders get their queue sort key from their open clocks
    this.addSql(`update "work_order" set "next_due_at" = coalesce((select min(d."due_at") from "deadline" d where d."work_order_id" = "work_order"."id" and d."met_at" is null), "next_due_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "deadline_pending_due_at_index";`);
    this.addSql(`drop table if exists "contractor_penalty" cascade;`);

    this.addSql(`drop table if exists "emergency_event" cascade;`);

    this.addSql(`drop table if exists "escalation" cascade;`);

    this.addSql(`drop table if exists "deadline_extension" cascade;`);

    this.addSql(`drop table if exists "liaison_letter" cascade;`);

    this.addSql(`drop table if exists "progress_note" cascade;`);

    this.addSql(`drop table if exists "rectification_notice" cascade;`);

    this.addSql(`drop index "deadline_work_order_id_index";`);
    this.addSql(`alter table "deadline" drop constraint "deadline_work_order_id_clock_round_ref_unique";`);
    this.addSql(`alter table "deadline" drop column "round", drop column "ref", drop column "fired_at", drop column "cancelled_at";`);

    this.addSql(`create index "deadline_due_at_index" on "deadline" ("due_at");`);
    this.addSql(`alter table "deadline" add constraint "deadline_work_order_id_clock_unique" unique ("work_order_id", "clock");`);

    this.addSql(`drop index "work_order_org_id_next_due_at_id_index";`);
    this.addSql(`alter table "work_order" drop column "customer_id", drop column "round", drop column "next_due_at", drop column "escalation_level", drop column "plan", drop column "plan_written_by", drop column "plan_written_at", drop column "plan_signed_off_by", drop column "plan_signed_off_at", drop column "handler_id", drop column "assigned_at", drop column "reported_to", drop column "reported_to_head_at", drop column "agreed_solution", drop column "solution_agreed_at", drop column "corrective_action_report", drop column "confirmed_at", drop column "confirmation_signature", drop column "confirmation_recorded_by", drop column "closed_at", drop column "closed_by";`);
  }

}
