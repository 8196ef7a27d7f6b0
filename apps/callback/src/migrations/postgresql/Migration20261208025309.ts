import { Migration } from '@mikro-orm/migrations';

export class Migration20261208025309 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "survey_public_answer" ("id" varchar(64) not null, "org_id" varchar(64) not null, "campaign_key" varchar(64) not null, "survey_id" varchar(64) not null, "site_ids" jsonb not null, "title" varchar(200) not null, "body" text not null, "channels" jsonb not null, "approved_by" varchar(64) not null, "published_at" timestamptz not null, constraint "survey_public_answer_pkey" primary key ("id"));`);
    this.addSql(`alter table "survey_public_answer" add constraint "survey_public_answer_org_id_campaign_key_unique" unique ("org_id", "campaign_key");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "survey_public_answer" cascade;`);
  }

}
