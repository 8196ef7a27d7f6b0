import { Migration } from '@mikro-orm/migrations';

export class Migration20261129160714 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "service_note" ("id" varchar(64) not null, "service_order_id" varchar(64) not null, "note" text not null, "by" varchar(64) not null, "at" timestamptz not null, "customer_informed_at" timestamptz null, "customer_informed_via" varchar(16) null, constraint "service_note_pkey" primary key ("id"));`);
    this.addSql(`create index "service_note_service_order_id_at_index" on "service_note" ("service_order_id", "at");`);

    this.addSql(`create table "service_order" ("id" varchar(64) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "area_id" varchar(64) null, "area_manager_id" varchar(64) null, "service_id" varchar(64) not null, "kind" varchar(16) not null, "customer_id" varchar(64) not null, "unit_id" varchar(64) null, "department" varchar(32) not null, "description" text not null, "agreed_price_yuan" int null, "taken_by" varchar(64) not null, "received_at" timestamptz not null, "status" varchar(16) not null, "response_due_at" timestamptz not null, "responded_at" timestamptz null, "response_breached_at" timestamptz null, "handler_id" varchar(64) null, "eta_at" timestamptz null, "eta_breached_at" timestamptz null, "completed_at" timestamptz null, "completed_by" varchar(64) null, "result" text null, "customer_signature" varchar(500) null, "charged_yuan" int null, constraint "service_order_pkey" primary key ("id"));`);
    this.addSql(`create index "service_order_status_eta_at_index" on "service_order" ("status", "eta_at");`);
    this.addSql(`create index "service_order_status_response_due_at_index" on "service_order" ("status", "response_due_at");`);
    this.addSql(`create index "service_order_org_id_site_id_department_status_index" on "service_order" ("org_id", "site_id", "department", "status");`);
    this.addSql(`alter table "service_order" add constraint "service_order_service_id_unique" unique ("service_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "service_note" cascade;`);

    this.addSql(`drop table if exists "service_order" cascade;`);
  }

}
