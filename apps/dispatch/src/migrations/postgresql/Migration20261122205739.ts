import { Migration } from '@mikro-orm/migrations';

export class Migration20261122205739 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "deadline" ("id" varchar(64) not null, "work_order_id" varchar(64) not null, "clock" varchar(32) not null, "due_at" timestamptz not null, "met_at" timestamptz null, "breached_at" timestamptz null, constraint "deadline_pkey" primary key ("id"));`);
    this.addSql(`create index "deadline_due_at_index" on "deadline" ("due_at");`);
    this.addSql(`alter table "deadline" add constraint "deadline_work_order_id_clock_unique" unique ("work_order_id", "clock");`);

    this.addSql(`create table "inbox_message" ("consumer" varchar(120) not null, "message_id" varchar(120) not null, "subject" varchar(200) not null, "processed_at" timestamptz not null, constraint "inbox_message_pkey" primary key ("consumer", "message_id"));`);

    this.addSql(`create table "outbox_event" ("seq" serial primary key, "event_id" varchar(64) not null, "subject" varchar(200) not null, "body" text not null, "created_at" timestamptz not null, "published_at" timestamptz null, "attempts" int not null default 0, "last_error" text null);`);
    this.addSql(`alter table "outbox_event" add constraint "outbox_event_event_id_unique" unique ("event_id");`);
    this.addSql(`create index "outbox_event_published_at_seq_index" on "outbox_event" ("published_at", "seq");`);

    this.addSql(`create table "parked_message" ("id" serial primary key, "consumer" varchar(120) not null, "message_id" varchar(120) not null, "subject" varchar(200) not null, "body" text not null, "reason" text not null, "deliveries" int not null, "parked_at" timestamptz not null);`);
    this.addSql(`alter table "parked_message" add constraint "parked_message_consumer_message_id_unique" unique ("consumer", "message_id");`);

    this.addSql(`create table "work_order" ("id" varchar(64) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "area_id" varchar(64) null, "area_manager_id" varchar(64) null, "complaint_id" varchar(64) not null, "department" varchar(32) not null, "lead" boolean not null, "status" varchar(32) not null, "severity" varchar(16) not null, "category" varchar(32) not null, "taken_by" varchar(64) not null, "received_at" timestamptz not null, "created_at" timestamptz not null, "resolved_at" timestamptz null, "resolved_by" varchar(64) null, "resolution" text null, "cause_analysis" text null, "preventive_action" text null, constraint "work_order_pkey" primary key ("id"));`);
    this.addSql(`create index "work_order_created_at_id_index" on "work_order" ("created_at", "id");`);
    this.addSql(`create index "work_order_org_id_site_id_department_status_index" on "work_order" ("org_id", "site_id", "department", "status");`);
    this.addSql(`alter table "work_order" add constraint "work_order_complaint_id_department_unique" unique ("complaint_id", "department");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "deadline" cascade;`);

    this.addSql(`drop table if exists "inbox_message" cascade;`);

    this.addSql(`drop table if exists "outbox_event" cascade;`);

    this.addSql(`drop table if exists "parked_message" cascade;`);

    this.addSql(`drop table if exists "work_order" cascade;`);
  }

}
