import { Migration } from '@mikro-orm/migrations';

export class Migration20261207062431 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "case_file" ("complaint_id" varchar(64) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "area_manager_id" varchar(64) null, "category" varchar(32) null, "severity" varchar(16) null, "time_zone" varchar(64) null, constraint "case_file_pkey" primary key ("complaint_id"));`);

    this.addSql(`create table "deadline_watch" ("id" varchar(200) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "complaint_id" varchar(64) not null, "work_order_id" varchar(64) not null, "department" varchar(32) not null, "clock" varchar(32) not null, "start_at" timestamptz not null, "due_at" timestamptz not null, "next_warn_at" timestamptz null, "open" boolean not null default true, "warned" int not null default 0, "handler_id" varchar(64) null, constraint "deadline_watch_pkey" primary key ("id"));`);
    this.addSql(`create index "deadline_watch_work_order_id_index" on "deadline_watch" ("work_order_id");`);
    this.addSql(`create index "deadline_watch_next_warn_at_index" on "deadline_watch" ("next_warn_at");`);

    this.addSql(`create table "delivery" ("id" varchar(64) not null, "notification_id" varchar(64) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "channel" varchar(16) not null, "target" varchar(200) not null, "status" varchar(16) not null, "attempts" int not null default 0, "next_attempt_at" timestamptz not null, "sent_at" timestamptz null, "last_error" text null, "provider_id" varchar(200) null, "fallback_of" varchar(64) null, "created_at" timestamptz not null, constraint "delivery_pkey" primary key ("id"));`);
    this.addSql(`create index "delivery_org_id_status_index" on "delivery" ("org_id", "status");`);
    this.addSql(`create index "delivery_status_next_attempt_at_index" on "delivery" ("status", "next_attempt_at");`);
    this.addSql(`alter table "delivery" add constraint "delivery_notification_id_channel_target_unique" unique ("notification_id", "channel", "target");`);

    this.addSql(`create table "duty_assignment" ("id" varchar(200) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "date" varchar(10) not null, "shift" varchar(64) not null, "staff_ids" jsonb not null, "assigned_by" varchar(64) not null, constraint "duty_assignment_pkey" primary key ("id"));`);
    this.addSql(`create index "duty_assignment_org_id_site_id_date_index" on "duty_assignment" ("org_id", "site_id", "date");`);

    this.addSql(`create table "duty_director" ("id" varchar(200) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "date" varchar(10) not null, "user_id" varchar(64) not null, "assigned_by" varchar(64) not null, constraint "duty_director_pkey" primary key ("id"));`);
    this.addSql(`create index "duty_director_org_id_site_id_date_index" on "duty_director" ("org_id", "site_id", "date");`);

    this.addSql(`create table "inbox_message" ("consumer" varchar(120) not null, "message_id" varchar(120) not null, "subject" varchar(200) not null, "processed_at" timestamptz not null, constraint "inbox_message_pkey" primary key ("consumer", "message_id"));`);
    this.addSql(`create index "inbox_message_processed_at_index" on "inbox_message" ("processed_at");`);

    this.addSql(`create table "known_site" ("site_id" varchar(64) not null, "org_id" varchar(64) not null, "name" varchar(200) not null, "time_zone" varchar(64) not null, constraint "known_site_pkey" primary key ("site_id"));`);
    this.addSql(`create index "known_site_org_id_index" on "known_site" ("org_id");`);

    this.addSql(`create table "known_staff" ("staff_id" varchar(64) not null, "org_id" varchar(64) not null, "roles" jsonb not null, "department" varchar(32) null, "sites" jsonb not null, "active" boolean not null, constraint "known_staff_pkey" primary key ("staff_id"));`);

    this.addSql(`create table "known_staff_contact" ("staff_id" varchar(64) not null, "org_id" varchar(64) not null, "name" varchar(200) null, "email" varchar(254) null, constraint "known_staff_contact_pkey" primary key ("staff_id"));`);

    this.addSql(`create table "notification" ("id" varchar(64) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "recipient_id" varchar(64) not null, "kind" varchar(32) not null, "title" varchar(300) not null, "body" text not null, "complaint_id" varchar(64) null, "work_order_id" varchar(64) null, "source_key" varchar(200) not null, "created_at" timestamptz not null, "read_at" timestamptz null, "ack_required" boolean not null, "ack_due_at" timestamptz null, "acknowledged_at" timestamptz null, "urgent" boolean not null, "ladder" jsonb not null, "ladder_step" int not null default 0, "ack_within_minutes" int null, "escalated_at" timestamptz null, "recipient_roles" jsonb not null, constraint "notification_pkey" primary key ("id"));`);
    this.addSql(`create index "notification_ack_due_at_index" on "notification" ("ack_due_at");`);
    this.addSql(`create index "notification_complaint_id_index" on "notification" ("complaint_id");`);
    this.addSql(`create index "notification_recipient_id_created_at_index" on "notification" ("recipient_id", "created_at");`);
    this.addSql(`alter table "notification" add constraint "notification_source_key_recipient_id_unique" unique ("source_key", "recipient_id");`);

    this.addSql(`create table "notification_policy" ("org_id" varchar(64) not null, "kind" varchar(32) not null, "ack_within_minutes" int not null, constraint "notification_policy_pkey" primary key ("org_id", "kind"));`);

    this.addSql(`create table "notification_preference" ("user_id" varchar(64) not null, "org_id" varchar(64) not null, "channels" jsonb not null, "quiet_start" varchar(5) null, "quiet_end" varchar(5) null, "phone" varchar(64) null, "time_zone" varchar(64) not null, constraint "notification_preference_pkey" primary key ("user_id"));`);

    this.addSql(`create table "outbox_event" ("seq" serial primary key, "event_id" varchar(64) not null, "subject" varchar(200) not null, "body" text not null, "created_at" timestamptz not null, "published_at" timestamptz null, "attempts" int not null default 0, "last_error" text null);`);
    this.addSql(`alter table "outbox_event" add constraint "outbox_event_event_id_unique" unique ("event_id");`);
    this.addSql(`create index "outbox_event_published_at_seq_index" on "outbox_event" ("published_at", "seq");`);

    this.addSql(`create table "parked_message" ("id" serial primary key, "consumer" varchar(120) not null, "message_id" varchar(120) not null, "subject" varchar(200) not null, "body" text not null, "reason" text not null, "deliveries" int not null, "parked_at" timestamptz not null);`);
    this.addSql(`alter table "parked_message" add constraint "parked_message_consumer_message_id_unique" unique ("consumer", "message_id");`);

    this.addSql(`create table "shift_handover" ("id" varchar(64) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "date" varchar(10) not null, "shift" varchar(64) not null, "to_date" varchar(10) not null, "to_shift" varchar(64) not null, "handed_over_by" varchar(64) not null, "note" text not null, "items" jsonb not null, "created_at" timestamptz not null, "acknowledged_by" varchar(64) null, "acknowledged_at" timestamptz null, constraint "shift_handover_pkey" primary key ("id"));`);
    this.addSql(`create index "shift_handover_org_id_site_id_created_at_index" on "shift_handover" ("org_id", "site_id", "created_at");`);
    this.addSql(`alter table "shift_handover" add constraint "shift_handover_site_id_date_shift_unique" unique ("site_id", "date", "shift");`);

    this.addSql(`create table "site_channel" ("id" varchar(64) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "channel" varchar(16) not null, "target" varchar(1000) not null, "secret" varchar(200) null, "kinds" jsonb not null, "saved_by" varchar(64) not null, "saved_at" timestamptz not null, constraint "site_channel_pkey" primary key ("id"));`);
    this.addSql(`create index "site_channel_org_id_site_id_index" on "site_channel" ("org_id", "site_id");`);
    this.addSql(`alter table "site_channel" add constraint "site_channel_site_id_channel_target_unique" unique ("site_id", "channel", "target");`);

    this.addSql(`create table "site_shift" ("id" varchar(200) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "name" varchar(64) not null, "starts_at" varchar(5) not null, "ends_at" varchar(5) not null, constraint "site_shift_pkey" primary key ("id"));`);
    this.addSql(`create index "site_shift_org_id_site_id_index" on "site_shift" ("org_id", "site_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "case_file" cascade;`);

    this.addSql(`drop table if exists "deadline_watch" cascade;`);

    this.addSql(`drop table if exists "delivery" cascade;`);

    this.addSql(`drop table if exists "duty_assignment" cascade;`);

    this.addSql(`drop table if exists "duty_director" cascade;`);

    this.addSql(`drop table if exists "inbox_message" cascade;`);

    this.addSql(`drop table if exists "known_site" cascade;`);

    this.addSql(`drop table if exists "known_staff" cascade;`);

    this.addSql(`drop table if exists "known_staff_contact" cascade;`);

    this.addSql(`drop table if exists "notification" cascade;`);

    this.addSql(`drop table if exists "notification_policy" cascade;`);

    this.addSql(`drop table if exists "notification_preference" cascade;`);

    this.addSql(`drop table if exists "outbox_event" cascade;`);

    this.addSql(`drop table if exists "parked_message" cascade;`);

    this.addSql(`drop table if exists "shift_handover" cascade;`);

    this.addSql(`drop table if exists "site_channel" cascade;`);

    this.addSql(`drop table if exists "site_shift" cascade;`);
  }

}
