import { Migration } from '@mikro-orm/migrations';

export class Migration20261207113811 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "acknowledgement_fact" ("notification_id" varchar(64) not null, "case_id" varchar(80) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "complaint_id" varchar(64) null, "month" varchar(7) not null, "day" varchar(10) not null, "week" varchar(10) not null, "kind" varchar(32) not null, "recipient_id" varchar(64) not null, "created_at" varchar(30) not null, "acknowledged_at" varchar(30) not null, "seconds" int not null, constraint "acknowledgement_fact_pkey" primary key ("notification_id"));`);
    this.addSql(`create index "acknowledgement_fact_case_id_index" on "acknowledgement_fact" ("case_id");`);
    this.addSql(`create index "acknowledgement_fact_org_id_day_index" on "acknowledgement_fact" ("org_id", "day");`);
    this.addSql(`create index "acknowledgement_fact_org_id_month_site_id_index" on "acknowledgement_fact" ("org_id", "month", "site_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "acknowledgement_fact" cascade;`);
  }

}
