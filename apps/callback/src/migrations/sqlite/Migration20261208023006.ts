import { Migration } from '@mikro-orm/migrations';

export class Migration20261208023006 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`survey_schedule\` (\`id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`kind\` text not null, \`questionnaire_id\` text not null, \`sample_rule\` json not null, \`active\` integer not null, \`next_period\` text not null, \`next_run_at\` datetime not null, \`last_survey_id\` text null, \`last_error\` text null, \`created_by\` text not null, \`updated_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`survey_schedule_active_next_run_at_index\` on \`survey_schedule\` (\`active\`, \`next_run_at\`);`);
    this.addSql(`create unique index \`survey_schedule_org_id_site_id_kind_unique\` on \`survey_schedule\` (\`org_id\`, \`site_id\`, \`kind\`);`);

    this.addSql(`alter table \`survey_follow_up\` add column \`overdue_at\` datetime null;`);
    this.addSql(`alter table \`survey_follow_up\` add column \`called_back_at\` datetime null;`);
    this.addSql(`alter table \`survey_follow_up\` add column \`called_back_by\` text null;`);
    this.addSql(`alter table \`survey_follow_up\` add column \`callback_satisfaction\` text null;`);
    this.addSql(`alter table \`survey_follow_up\` add column \`callback_note\` text null;`);
  }

}
