import { Migration } from '@mikro-orm/migrations';

export class Migration20261129155305 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`callback_result\` (\`callback_id\` text not null, \`org_id\` text not null, \`complaint_id\` text not null, \`satisfaction\` text not null, \`completed_at\` datetime not null, primary key (\`callback_id\`));`);
    this.addSql(`create index \`callback_result_org_id_complaint_id_index\` on \`callback_result\` (\`org_id\`, \`complaint_id\`);`);

    this.addSql(`create table \`complaint_closure\` (\`id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`complaint_id\` text not null, \`opinion\` text not null, \`closed_by\` text not null, \`closed_at\` datetime not null, \`handover_due_at\` datetime not null, \`handed_over_by\` text null, \`handed_over_at\` datetime null, \`result\` text null, \`findings\` text null, \`verified_by\` text null, \`verified_at\` datetime null, primary key (\`id\`));`);
    this.addSql(`create index \`complaint_closure_org_id_complaint_id_closed_at_index\` on \`complaint_closure\` (\`org_id\`, \`complaint_id\`, \`closed_at\`);`);

    this.addSql(`alter table \`work_order\` add column \`channel\` text null;`);
    this.addSql(`alter table \`work_order\` add column \`approved_reply\` text null;`);
    this.addSql(`alter table \`work_order\` add column \`reply_approved_by\` text null;`);
    this.addSql(`alter table \`work_order\` add column \`reply_approved_at\` datetime null;`);
  }

}
