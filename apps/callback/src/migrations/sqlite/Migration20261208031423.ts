import { Migration } from '@mikro-orm/migrations';

export class Migration20261208031423 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`quality_check\` (\`id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`month\` text not null, \`seed\` text not null, \`handled\` integer not null, \`drawn_by\` text not null, \`drawn_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`quality_check_org_id_site_id_month_unique\` on \`quality_check\` (\`org_id\`, \`site_id\`, \`month\`);`);

    this.addSql(`create table \`quality_check_item\` (\`id\` text not null, \`check_id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`kind\` text not null, \`ref_id\` text not null, \`case_id\` text not null, \`handled_at\` datetime not null, \`handled_as_recorded\` integer null, \`customer_told\` integer null, \`note\` text null, \`checked_by\` text null, \`checked_at\` datetime null, \`consequence\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`quality_check_item_check_id_index\` on \`quality_check_item\` (\`check_id\`);`);
  }

}
