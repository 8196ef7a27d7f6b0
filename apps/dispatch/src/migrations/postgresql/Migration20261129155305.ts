import { Migration } from '@mikro-orm/migrations';

export class Migration20261129155305 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "callback_result" ("callback_id" varchar(64) not null, "org_id" varchar(64) not null, "complaint_id" varchar(64) not null, "satisfaction" varchar(32) not null, "completed_at" timestamptz not null, constraint "callback_result_pkey" primary key ("callback_id"));`);
    this.addSql(`create index "callback_result_org_id_complaint_id_index" on "callback_result" ("org_id", "complaint_id");`);

    this.addSql(`create table "complaint_closure" ("id" varchar(64) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "complaint_id" varchar(64) not null, "opinion" text not null, "closed_by" varchar(64) not null, "closed_at" timestamptz not null, "handover_due_at" timestamptz not null, "handed_over_by" varchar(64) null, "handed_over_at" timestamptz null, "result" varchar(16) null, "findings" text null, "verified_by" varchar(64) null, "verified_at" timestamptz null, constraint "complaint_closure_pkey" primary key ("id"));`);
    this.addSql(`create index "complaint_closure_org_id_complaint_id_closed_at_index" on "complaint_closure" ("org_id", "complaint_id", "closed_at");`);

    this.addSql(`alter table "work_order" add column "channel" varchar(32) null, add column "approved_reply" text null, add column "reply_approved_by" varchar(64) null, add column "reply_approved_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "callback_result" cascade;`);

    this.addSql(`drop table if exists "complaint_closure" cascade;`);

    this.addSql(`alter table "work_order" drop column "channel", drop column "approved_reply", drop column "reply_approved_by", drop column "reply_approved_at";`);
  }

}
