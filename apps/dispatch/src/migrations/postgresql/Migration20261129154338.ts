import { Migration } from '@mikro-orm/migrations';

export class Migration20261129154338 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "known_staff" ("staff_id" varchar(64) not null, "org_id" varchar(64) not null, "roles" jsonb not null, "department" varchar(32) null, "sites" jsonb not null, "active" boolean not null, constraint "known_staff_pkey" primary key ("staff_id"));`);

    this.addSql(`create table "work_order_round" ("id" varchar(64) not null, "work_order_id" varchar(64) not null, "round" int not null, "plan" text null, "plan_written_by" varchar(64) null, "plan_signed_off_by" varchar(64) null, "plan_signed_off_at" timestamptz null, "handler_id" varchar(64) null, "resolved_at" timestamptz null, "resolved_by" varchar(64) null, "resolution" text null, "cause" varchar(32) null, "cause_analysis" text null, "preventive_action" text null, "corrective_action_report" text null, "confirmed_at" timestamptz null, "ended_by" varchar(200) not null, "ended_at" timestamptz not null, constraint "work_order_round_pkey" primary key ("id"));`);
    this.addSql(`alter table "work_order_round" add constraint "work_order_round_work_order_id_round_unique" unique ("work_order_id", "round");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "known_staff" cascade;`);

    this.addSql(`drop table if exists "work_order_round" cascade;`);
  }

}
