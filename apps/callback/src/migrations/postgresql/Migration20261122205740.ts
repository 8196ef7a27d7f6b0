import { Migration } from '@mikro-orm/migrations';

export class Migration20261122205740 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "callback" ("id" varchar(64) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "area_id" varchar(64) null, "complaint_id" varchar(64) not null, "round" int not null, "severity" varchar(16) not null, "assignee" varchar(64) not null, "allowed_methods" jsonb not null, "resolved_at" timestamptz not null, "due_at" timestamptz not null, "created_at" timestamptz not null, "completed_at" timestamptz null, "method" varchar(16) null, "satisfaction" varchar(32) null, "notes" text null, "completed_by" varchar(64) null, constraint "callback_pkey" primary key ("id"));`);
    this.addSql(`create index "callback_org_id_site_id_due_at_index" on "callback" ("org_id", "site_id", "due_at");`);
    this.addSql(`alter table "callback" add constraint "callback_complaint_id_round_unique" unique ("complaint_id", "round");`);

    this.addSql(`create table "inbox_message" ("consumer" varchar(120) not null, "message_id" varchar(120) not null, "subject" varchar(200) not null, "processed_at" timestamptz not null, constraint "inbox_message_pkey" primary key ("consumer", "message_id"));`);

    this.addSql(`create table "outbox_event" ("seq" serial primary key, "event_id" varchar(64) not null, "subject" varchar(200) not null, "body" text not null, "created_at" timestamptz not null, "published_at" timestamptz null, "attempts" int not null default 0, "last_error" text null);`);
    this.addSql(`alter table "outbox_event" add constraint "outbox_event_event_id_unique" unique ("event_id");`);
    this.addSql(`create index "outbox_event_published_at_seq_index" on "outbox_event" ("published_at", "seq");`);

    this.addSql(`create table "parked_message" ("id" serial primary key, "consumer" varchar(120) not null, "message_id" varchar(120) not null, "subject" varchar(200) not null, "body" text not null, "reason" text not null, "deliveries" int not null, "parked_at" timestamptz not null);`);
    this.addSql(`alter table "parked_message" add constraint "parked_message_consumer_message_id_unique" unique ("consumer", "message_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "callback" cascade;`);

    this.addSql(`drop table if exists "inbox_message" cascade;`);

    this.addSql(`drop table if exists "outbox_event" cascade;`);

    this.addSql(`drop table if exists "parked_message" cascade;`);
  }

}
