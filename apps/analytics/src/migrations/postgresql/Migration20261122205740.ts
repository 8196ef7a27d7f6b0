import { Migration } from '@mikro-orm/migrations';

export class Migration20261122205740 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "complaint_fact" ("complaint_id" varchar(64) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "month" varchar(7) null, "category" varchar(32) null, "severity" varchar(16) null, "channel" varchar(32) null, "departments" jsonb null, "received_at" timestamptz null, "resolved_at" timestamptz null, "callback_due_at" timestamptz null, "callback_completed_at" timestamptz null, "callback_on_time" boolean null, "satisfaction" varchar(32) null, constraint "complaint_fact_pkey" primary key ("complaint_id"));`);
    this.addSql(`create index "complaint_fact_org_id_month_site_id_index" on "complaint_fact" ("org_id", "month", "site_id");`);

    this.addSql(`create table "deadline_fact" ("work_order_id" varchar(64) not null, "clock" varchar(32) not null, "complaint_id" varchar(64) not null, "org_id" varchar(64) not null, "due_at" timestamptz not null, "met_at" timestamptz null, "breached_at" timestamptz null, constraint "deadline_fact_pkey" primary key ("work_order_id", "clock"));`);
    this.addSql(`create index "deadline_fact_complaint_id_index" on "deadline_fact" ("complaint_id");`);

    this.addSql(`create table "inbox_message" ("consumer" varchar(120) not null, "message_id" varchar(120) not null, "subject" varchar(200) not null, "processed_at" timestamptz not null, constraint "inbox_message_pkey" primary key ("consumer", "message_id"));`);

    this.addSql(`create table "outbox_event" ("seq" serial primary key, "event_id" varchar(64) not null, "subject" varchar(200) not null, "body" text not null, "created_at" timestamptz not null, "published_at" timestamptz null, "attempts" int not null default 0, "last_error" text null);`);
    this.addSql(`alter table "outbox_event" add constraint "outbox_event_event_id_unique" unique ("event_id");`);
    this.addSql(`create index "outbox_event_published_at_seq_index" on "outbox_event" ("published_at", "seq");`);

    this.addSql(`create table "parked_message" ("id" serial primary key, "consumer" varchar(120) not null, "message_id" varchar(120) not null, "subject" varchar(200) not null, "body" text not null, "reason" text not null, "deliveries" int not null, "parked_at" timestamptz not null);`);
    this.addSql(`alter table "parked_message" add constraint "parked_message_consumer_message_id_unique" unique ("consumer", "message_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "complaint_fact" cascade;`);

    this.addSql(`drop table if exists "deadline_fact" cascade;`);

    this.addSql(`drop table if exists "inbox_message" cascade;`);

    this.addSql(`drop table if exists "outbox_event" cascade;`);

    this.addSql(`drop table if exists "parked_message" cascade;`);
  }

}
