import { Migration } from '@mikro-orm/migrations';

export class Migration20261207204213 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`visit\` (\`id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`customer_id\` text not null, \`month\` text not null, \`kind\` text not null, \`service_request_id\` text null, \`status\` text not null default 'PLANNED', \`planned_by\` text not null, \`planned_at\` datetime not null, \`visited_at\` datetime null, \`visited_by\` text null, \`view\` text null, \`satisfaction\` text null, \`raised\` json not null, primary key (\`id\`));`);
    this.addSql(`create index \`visit_org_id_site_id_month_index\` on \`visit\` (\`org_id\`, \`site_id\`, \`month\`);`);
    this.addSql(`create unique index \`visit_customer_id_month_kind_unique\` on \`visit\` (\`customer_id\`, \`month\`, \`kind\`);`);
  }

}
