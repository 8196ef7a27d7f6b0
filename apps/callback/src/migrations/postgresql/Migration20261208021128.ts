import { Migration } from '@mikro-orm/migrations';

export class Migration20261208021128 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "questionnaire" ("id" varchar(64) not null, "org_id" varchar(64) not null, "name" varchar(200) not null, "version" int not null, "questions" jsonb not null, "created_by" varchar(64) not null, "created_at" timestamptz not null, constraint "questionnaire_pkey" primary key ("id"));`);
    this.addSql(`alter table "questionnaire" add constraint "questionnaire_org_id_name_version_unique" unique ("org_id", "name", "version");`);

    this.addSql(`create table "survey_sample" ("survey_id" varchar(64) not null, "customer_id" varchar(64) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "area_id" varchar(64) null, "kind" varchar(16) null, "drawn_at" timestamptz not null, "answered_at" timestamptz null, constraint "survey_sample_pkey" primary key ("survey_id", "customer_id"));`);
    this.addSql(`create index "survey_sample_org_id_site_id_customer_id_index" on "survey_sample" ("org_id", "site_id", "customer_id");`);

    this.addSql(`alter table "known_customer" add column "kind" varchar(16) null, add column "area_id" varchar(64) null;`);
    this.addSql(`create index "known_customer_org_id_site_id_index" on "known_customer" ("org_id", "site_id");`);

    this.addSql(`alter table "survey" add column "items" jsonb null, add column "questionnaire_id" varchar(64) null, add column "group_id" varchar(64) null, add column "status" varchar(16) not null default 'OPEN', add column "closes_at" timestamptz null, add column "closed_at" timestamptz null, add column "sample_rule" jsonb null, add column "sample_size" int null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "questionnaire" cascade;`);

    this.addSql(`drop table if exists "survey_sample" cascade;`);

    this.addSql(`drop index "known_customer_org_id_site_id_index";`);
    this.addSql(`alter table "known_customer" drop column "kind", drop column "area_id";`);

    this.addSql(`alter table "survey" drop column "items", drop column "questionnaire_id", drop column "group_id", drop column "status", drop column "closes_at", drop column "closed_at", drop column "sample_rule", drop column "sample_size";`);
  }

}
