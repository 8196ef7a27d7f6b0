import { Migration } from '@mikro-orm/migrations';

export class Migration20261122205437 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "area" ("id" varchar(64) not null, "site_id" varchar(64) not null, "name" varchar(200) not null, "area_manager_id" varchar(64) null, constraint "area_pkey" primary key ("id"));`);
    this.addSql(`create index "area_site_id_index" on "area" ("site_id");`);

    this.addSql(`create table "complaint" ("id" varchar(64) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "area_id" varchar(64) null, "unit_id" varchar(64) null, "customer_id" varchar(64) not null, "channel" varchar(32) not null, "category" varchar(32) not null, "description" text not null, "received_at" timestamptz not null, "received_by" varchar(64) not null, "requested_reply_by" timestamptz null, "serious" boolean not null default false, "urgent" boolean not null default false, "circumstances" jsonb not null, "severity" varchar(16) not null, "valid" boolean not null default true, "status" varchar(32) not null, "departments" jsonb not null, "reply_due_at" timestamptz not null, "idempotency_key" varchar(200) null, "input_hash" varchar(64) null, "created_at" timestamptz not null, "resolved_at" timestamptz null, constraint "complaint_pkey" primary key ("id"));`);
    this.addSql(`create index "complaint_org_id_site_id_received_at_index" on "complaint" ("org_id", "site_id", "received_at");`);
    this.addSql(`alter table "complaint" add constraint "complaint_org_id_idempotency_key_unique" unique ("org_id", "idempotency_key");`);

    this.addSql(`create table "customer" ("id" varchar(64) not null, "org_id" varchar(64) not null, "name" varchar(200) not null, "phone" varchar(40) not null, "kind" varchar(16) not null default 'OTHER', "unit_id" varchar(64) null, constraint "customer_pkey" primary key ("id"));`);
    this.addSql(`create index "customer_org_id_phone_index" on "customer" ("org_id", "phone");`);

    this.addSql(`create table "inbox_message" ("consumer" varchar(120) not null, "message_id" varchar(120) not null, "subject" varchar(200) not null, "processed_at" timestamptz not null, constraint "inbox_message_pkey" primary key ("consumer", "message_id"));`);

    this.addSql(`create table "organisation" ("id" varchar(64) not null, "name" varchar(200) not null, constraint "organisation_pkey" primary key ("id"));`);

    this.addSql(`create table "outbox_event" ("seq" serial primary key, "event_id" varchar(64) not null, "subject" varchar(200) not null, "body" text not null, "created_at" timestamptz not null, "published_at" timestamptz null, "attempts" int not null default 0, "last_error" text null);`);
    this.addSql(`alter table "outbox_event" add constraint "outbox_event_event_id_unique" unique ("event_id");`);
    this.addSql(`create index "outbox_event_published_at_seq_index" on "outbox_event" ("published_at", "seq");`);

    this.addSql(`create table "parked_message" ("id" serial primary key, "consumer" varchar(120) not null, "message_id" varchar(120) not null, "subject" varchar(200) not null, "body" text not null, "reason" text not null, "deliveries" int not null, "parked_at" timestamptz not null);`);
    this.addSql(`alter table "parked_message" add constraint "parked_message_consumer_message_id_unique" unique ("consumer", "message_id");`);

    this.addSql(`create table "site" ("id" varchar(64) not null, "org_id" varchar(64) not null, "name" varchar(200) not null, "time_zone" varchar(64) not null default 'Asia/Shanghai', "holidays" jsonb not null, "make_up_workdays" jsonb not null, constraint "site_pkey" primary key ("id"));`);
    this.addSql(`create index "site_org_id_index" on "site" ("org_id");`);

    this.addSql(`create table "unit" ("id" varchar(64) not null, "site_id" varchar(64) not null, "area_id" varchar(64) not null, "name" varchar(100) not null, constraint "unit_pkey" primary key ("id"));`);
    this.addSql(`create index "unit_site_id_index" on "unit" ("site_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "area" cascade;`);

    this.addSql(`drop table if exists "complaint" cascade;`);

    this.addSql(`drop table if exists "customer" cascade;`);

    this.addSql(`drop table if exists "inbox_message" cascade;`);

    this.addSql(`drop table if exists "organisation" cascade;`);

    this.addSql(`drop table if exists "outbox_event" cascade;`);

    this.addSql(`drop table if exists "parked_message" cascade;`);

    this.addSql(`drop table if exists "site" cascade;`);

    this.addSql(`drop table if exists "unit" cascade;`);
  }

}
