import { Migration } from '@mikro-orm/migrations';

export class Migration20261208023600 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "survey_fact" add column "survey_id" varchar(64) null, add column "group_id" varchar(64) null, add column "very_satisfied" int not null default 0, add column "satisfied" int not null default 0, add column "basically_satisfied" int not null default 0;`);
    this.addSql(`create index "survey_fact_survey_id_index" on "survey_fact" ("survey_id");`);
    this.addSql(`create index "survey_fact_group_id_site_id_index" on "survey_fact" ("group_id", "site_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "survey_fact_survey_id_index";`);
    this.addSql(`drop index "survey_fact_group_id_site_id_index";`);
    this.addSql(`alter table "survey_fact" drop column "survey_id", drop column "group_id", drop column "very_satisfied", drop column "satisfied", drop column "basically_satisfied";`);
  }

}
