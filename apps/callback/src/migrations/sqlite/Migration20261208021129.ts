import { Migration } from '@mikro-orm/migrations';

export class Migration20261208021129 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`questionnaire\` (\`id\` text not null, \`org_id\` text not null, \`name\` text not null, \`version\` integer not null, \`questions\` json not null, \`created_by\` text not null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`questionnaire_org_id_name_version_unique\` on \`questionnaire\` (\`org_id\`, \`name\`, \`version\`);`);

    this.addSql(`create table \`survey_sample\` (\`survey_id\` text not null, \`customer_id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`area_id\` text null, \`kind\` text null, \`drawn_at\` datetime not null, \`answered_at\` datetime null, primary key (\`survey_id\`, \`customer_id\`));`);
    this.addSql(`create index \`survey_sample_org_id_site_id_customer_id_index\` on \`survey_sample\` (\`org_id\`, \`site_id\`, \`customer_id\`);`);

    this.addSql(`alter table \`known_customer\` add column \`kind\` text null;`);
    this.addSql(`alter table \`known_customer\` add column \`area_id\` text null;`);
    this.addSql(`create index \`known_customer_org_id_site_id_index\` on \`known_customer\` (\`org_id\`, \`site_id\`);`);

    this.addSql(`alter table \`survey\` add column \`items\` json null;`);
    this.addSql(`alter table \`survey\` add column \`questionnaire_id\` text null;`);
    this.addSql(`alter table \`survey\` add column \`group_id\` text null;`);
    this.addSql(`alter table \`survey\` add column \`status\` text not null default 'OPEN';`);
    this.addSql(`alter table \`survey\` add column \`closes_at\` datetime null;`);
    this.addSql(`alter table \`survey\` add column \`closed_at\` datetime null;`);
    this.addSql(`alter table \`survey\` add column \`sample_rule\` json null;`);
    this.addSql(`alter table \`survey\` add column \`sample_size\` integer null;`);
  }

}
