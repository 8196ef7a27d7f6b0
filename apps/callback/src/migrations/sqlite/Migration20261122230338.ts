import { Migration } from '@mikro-orm/migrations';

export class Migration20261122230338 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`callback_attempt\` (\`id\` text not null, \`callback_id\` text not null, \`method\` text not null, \`note\` text null, \`by\` text not null, \`at\` datetime not null, \`retry_at\` datetime null, primary key (\`id\`));`);
    this.addSql(`create index \`callback_attempt_callback_id_at_index\` on \`callback_attempt\` (\`callback_id\`, \`at\`);`);

    this.addSql(`create table \`survey_follow_up\` (\`id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`survey_id\` text not null, \`response_id\` text not null, \`question\` integer not null, \`plan\` text not null, \`owner_id\` text not null, \`due_at\` datetime not null, \`done_at\` datetime null, primary key (\`id\`));`);
    this.addSql(`create index \`survey_follow_up_org_id_site_id_done_at_due_at_index\` on \`survey_follow_up\` (\`org_id\`, \`site_id\`, \`done_at\`, \`due_at\`);`);

    this.addSql(`create table \`survey\` (\`id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`kind\` text not null, \`period\` text not null, \`questions\` json not null, \`created_by\` text not null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`survey_org_id_site_id_period_index\` on \`survey\` (\`org_id\`, \`site_id\`, \`period\`);`);

    this.addSql(`create table \`survey_response\` (\`id\` text not null, \`survey_id\` text not null, \`customer_id\` text not null, \`answers\` json not null, \`recorded_by\` text not null, \`at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`survey_response_survey_id_index\` on \`survey_response\` (\`survey_id\`);`);

    this.addSql(`alter table \`callback\` add column \`area_manager_id\` text null;`);
    this.addSql(`alter table \`callback\` add column \`kind\` text not null default 'COMPLAINT';`);
    this.addSql(`alter table \`callback\` add column \`time_zone\` text not null default 'Asia/Shanghai';`);
    this.addSql(`alter table \`callback\` add column \`status\` text not null default 'OPEN';`);
    this.addSql(`alter table \`callback\` add column \`attempts\` integer not null default 0;`);
    this.addSql(`alter table \`callback\` add column \`next_attempt_at\` datetime null;`);
    this.addSql(`alter table \`callback\` add column \`overdue_at\` datetime null;`);
    this.addSql(`alter table \`callback\` add column \`escalated_to\` text null;`);
    this.addSql(`alter table \`callback\` add column \`reached\` text null;`);
    this.addSql(`alter table \`callback\` add column \`service_quality\` text null;`);
    this.addSql(`alter table \`callback\` add column \`attitude\` text null;`);
    this.addSql(`alter table \`callback\` add column \`price_check\` text null;`);
    this.addSql(`alter table \`callback\` add column \`shortcomings\` text null;`);
    this.addSql(`alter table \`callback\` add column \`suggestions\` text null;`);
    this.addSql(`create index \`callback_org_id_resolved_at_index\` on \`callback\` (\`org_id\`, \`resolved_at\`);`);
    this.addSql(`create index \`callback_org_id_assignee_status_due_at_index\` on \`callback\` (\`org_id\`, \`assignee\`, \`status\`, \`due_at\`);`);

    // hand-added: callbacks recorded before statuses existed are done
    this.addSql(`update "callback" set "status" = 'DONE' where "completed_at" is not null;`);
  }

}
