import { Migration } from '@mikro-orm/migrations';

export class Migration20261207113811 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`acknowledgement_fact\` (\`notification_id\` text not null, \`case_id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`complaint_id\` text null, \`month\` text not null, \`day\` text not null, \`week\` text not null, \`kind\` text not null, \`recipient_id\` text not null, \`created_at\` text not null, \`acknowledged_at\` text not null, \`seconds\` integer not null, primary key (\`notification_id\`));`);
    this.addSql(`create index \`acknowledgement_fact_case_id_index\` on \`acknowledgement_fact\` (\`case_id\`);`);
    this.addSql(`create index \`acknowledgement_fact_org_id_day_index\` on \`acknowledgement_fact\` (\`org_id\`, \`day\`);`);
    this.addSql(`create index \`acknowledgement_fact_org_id_month_site_id_index\` on \`acknowledgement_fact\` (\`org_id\`, \`month\`, \`site_id\`);`);
  }

}
