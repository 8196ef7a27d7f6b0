import { Migration } from '@mikro-orm/migrations';

export class Migration20261207200807 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`case_progress\` (\`complaint_id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`work_order_id\` text not null, \`revision\` integer not null, \`plan_signed_off_at\` datetime null, \`assigned_at\` datetime null, \`solution_agreed_at\` datetime null, \`resolved_at\` datetime null, \`deadlines\` json not null, primary key (\`complaint_id\`));`);

    this.addSql(`create table \`resident_feedback\` (\`id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`complaint_id\` text not null, \`customer_id\` text not null, \`link_id\` text not null, \`resolved_at\` datetime not null, \`confirmed_at\` datetime null, \`satisfaction\` text null, \`comment\` text null, \`at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`resident_feedback_complaint_id_resolved_at_index\` on \`resident_feedback\` (\`complaint_id\`, \`resolved_at\`);`);

    this.addSql(`create table \`resident_link\` (\`id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`complaint_id\` text not null, \`customer_id\` text not null, \`created_by\` text not null, \`created_at\` datetime not null, \`revoked_at\` datetime null, \`revoked_by\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`resident_link_complaint_id_index\` on \`resident_link\` (\`complaint_id\`);`);

    this.addSql(`alter table \`complaint\` add column \`closed_at\` datetime null;`);

  }

}
