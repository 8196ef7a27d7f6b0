import { Migration } from '@mikro-orm/migrations';

export class Migration20261129160713 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "contact_log" ("id" varchar(64) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "customer_id" varchar(64) null, "case_id" varchar(64) null, "department" varchar(32) null, "channel" varchar(32) not null, "asked" text null, "answered" text not null, "by" varchar(64) not null, "at" timestamptz not null, "source" varchar(16) not null, "source_id" varchar(100) not null, constraint "contact_log_pkey" primary key ("id"));`);
    this.addSql(`create index "contact_log_org_id_site_id_department_at_index" on "contact_log" ("org_id", "site_id", "department", "at");`);
    this.addSql(`create index "contact_log_org_id_customer_id_at_index" on "contact_log" ("org_id", "customer_id", "at");`);
    this.addSql(`alter table "contact_log" add constraint "contact_log_source_source_id_unique" unique ("source", "source_id");`);

    this.addSql(`create table "inquiry" ("id" varchar(64) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "customer_id" varchar(64) null, "kind" varchar(16) not null, "channel" varchar(32) not null, "question" text not null, "received_at" timestamptz not null, "received_by" varchar(64) not null, "status" varchar(16) not null, "routed_to" varchar(32) null, "answer" text null, "answered_by" varchar(64) null, "answered_at" timestamptz null, "answered_via" varchar(32) null, constraint "inquiry_pkey" primary key ("id"));`);
    this.addSql(`create index "inquiry_org_id_routed_to_status_index" on "inquiry" ("org_id", "routed_to", "status");`);
    this.addSql(`create index "inquiry_org_id_site_id_status_received_at_index" on "inquiry" ("org_id", "site_id", "status", "received_at");`);

    this.addSql(`create table "service_request" ("id" varchar(64) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "area_id" varchar(64) null, "unit_id" varchar(64) null, "customer_id" varchar(64) not null, "kind" varchar(16) not null, "channel" varchar(32) not null, "department" varchar(32) not null, "description" text not null, "agreed_price_yuan" int null, "received_at" timestamptz not null, "received_by" varchar(64) not null, "response_due_at" timestamptz not null, "status" varchar(16) not null, "completed_at" timestamptz null, "charged_yuan" int null, "idempotency_key" varchar(128) null, constraint "service_request_pkey" primary key ("id"));`);
    this.addSql(`create index "service_request_org_id_site_id_status_received_at_index" on "service_request" ("org_id", "site_id", "status", "received_at");`);
    this.addSql(`create index "service_request_org_id_customer_id_received_at_index" on "service_request" ("org_id", "customer_id", "received_at");`);
    this.addSql(`alter table "service_request" add constraint "service_request_org_id_idempotency_key_unique" unique ("org_id", "idempotency_key");`);

    this.addSql(`alter table "site" add column "repair_response_minutes" int not null default 30;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "contact_log" cascade;`);

    this.addSql(`drop table if exists "inquiry" cascade;`);

    this.addSql(`drop table if exists "service_request" cascade;`);

    this.addSql(`alter table "site" drop column "repair_response_minutes";`);
  }

}
