import { Migration } from '@mikro-orm/migrations';

export class Migration20261208021244 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "survey_answer_fact" ("response_id" varchar(64) not null, "question" int not null, "survey_id" varchar(64) not null, "group_id" varchar(64) null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "area_id" varchar(64) null, "customer_id" varchar(64) null, "customer_kind" varchar(16) null, "kind" varchar(16) not null, "satisfaction" varchar(32) null, "choice" varchar(200) null, "text" text null, "follow_up_id" varchar(64) null, "answered_at" varchar(30) not null, constraint "survey_answer_fact_pkey" primary key ("response_id", "question"));`);
    this.addSql(`create index "survey_answer_fact_group_id_site_id_satisfaction_index" on "survey_answer_fact" ("group_id", "site_id", "satisfaction");`);
    this.addSql(`create index "survey_answer_fact_survey_id_question_satisfaction_index" on "survey_answer_fact" ("survey_id", "question", "satisfaction");`);

    this.addSql(`create table "survey_campaign_fact" ("survey_id" varchar(64) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "group_id" varchar(64) null, "kind" varchar(32) not null, "period" varchar(16) not null, "questions" text not null, "sample_size" int null, "opened_at" varchar(30) not null, "closes_at" varchar(30) null, constraint "survey_campaign_fact_pkey" primary key ("survey_id"));`);
    this.addSql(`create index "survey_campaign_fact_group_id_index" on "survey_campaign_fact" ("group_id");`);
    this.addSql(`create index "survey_campaign_fact_org_id_site_id_kind_period_index" on "survey_campaign_fact" ("org_id", "site_id", "kind", "period");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "survey_answer_fact" cascade;`);

    this.addSql(`drop table if exists "survey_campaign_fact" cascade;`);
  }

}
