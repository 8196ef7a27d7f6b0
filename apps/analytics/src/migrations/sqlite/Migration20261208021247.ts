import { Migration } from '@mikro-orm/migrations';

export class Migration20261208021247 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`survey_answer_fact\` (\`response_id\` text not null, \`question\` integer not null, \`survey_id\` text not null, \`group_id\` text null, \`org_id\` text not null, \`site_id\` text not null, \`area_id\` text null, \`customer_id\` text null, \`customer_kind\` text null, \`kind\` text not null, \`satisfaction\` text null, \`choice\` text null, \`text\` text null, \`follow_up_id\` text null, \`answered_at\` text not null, primary key (\`response_id\`, \`question\`));`);
    this.addSql(`create index \`survey_answer_fact_group_id_site_id_satisfaction_index\` on \`survey_answer_fact\` (\`group_id\`, \`site_id\`, \`satisfaction\`);`);
    this.addSql(`create index \`survey_answer_fact_survey_id_question_satisfaction_index\` on \`survey_answer_fact\` (\`survey_id\`, \`question\`, \`satisfaction\`);`);

    this.addSql(`create table \`survey_campaign_fact\` (\`survey_id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`group_id\` text null, \`kind\` text not null, \`period\` text not null, \`questions\` text not null, \`sample_size\` integer null, \`opened_at\` text not null, \`closes_at\` text null, primary key (\`survey_id\`));`);
    this.addSql(`create index \`survey_campaign_fact_group_id_index\` on \`survey_campaign_fact\` (\`group_id\`);`);
    this.addSql(`create index \`survey_campaign_fact_org_id_site_id_kind_period_index\` on \`survey_campaign_fact\` (\`org_id\`, \`site_id\`, \`kind\`, \`period\`);`);
  }

}
