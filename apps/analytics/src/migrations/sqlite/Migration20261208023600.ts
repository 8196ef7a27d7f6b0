import { Migration } from '@mikro-orm/migrations';

export class Migration20261208023600 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`survey_fact\` add column \`survey_id\` text null;`);
    this.addSql(`alter table \`survey_fact\` add column \`group_id\` text null;`);
    this.addSql(`alter table \`survey_fact\` add column \`very_satisfied\` integer not null default 0;`);
    this.addSql(`alter table \`survey_fact\` add column \`satisfied\` integer not null default 0;`);
    this.addSql(`alter table \`survey_fact\` add column \`basically_satisfied\` integer not null default 0;`);
    this.addSql(`create index \`survey_fact_survey_id_index\` on \`survey_fact\` (\`survey_id\`);`);
    this.addSql(`create index \`survey_fact_group_id_site_id_index\` on \`survey_fact\` (\`group_id\`, \`site_id\`);`);
  }

}
