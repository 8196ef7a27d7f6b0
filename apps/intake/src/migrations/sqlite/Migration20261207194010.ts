import { Migration } from '@mikro-orm/migrations';

export class Migration20261207194010 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`claim\` (\`id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`customer_id\` text not null, \`complaint_id\` text null, \`description\` text not null, \`amount_claimed_yuan\` integer not null, \`evidence\` json not null, \`claimed_at\` datetime not null, \`recorded_by\` text not null, \`decision\` text null, \`amount_awarded_yuan\` integer null, \`decision_reason\` text null, \`decided_by\` text null, \`decided_at\` datetime null, \`paid_at\` datetime null, \`paid_by\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`claim_org_id_site_id_customer_id_claimed_at_index\` on \`claim\` (\`org_id\`, \`site_id\`, \`customer_id\`, \`claimed_at\`);`);

    this.addSql(`create table \`customer_file_opening\` (\`id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`customer_id\` text not null, \`opened_by\` text not null, \`opened_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`customer_file_opening_customer_id_opened_at_index\` on \`customer_file_opening\` (\`customer_id\`, \`opened_at\`);`);
    this.addSql(`create index \`customer_file_opening_org_id_site_id_opened_at_index\` on \`customer_file_opening\` (\`org_id\`, \`site_id\`, \`opened_at\`);`);

    this.addSql(`create table \`key_customer_tag\` (\`id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`customer_id\` text not null, \`reason\` text not null, \`note\` text null, \`tagged_by\` text not null, \`tagged_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`key_customer_tag_org_id_site_id_customer_id_index\` on \`key_customer_tag\` (\`org_id\`, \`site_id\`, \`customer_id\`);`);
    this.addSql(`create unique index \`key_customer_tag_customer_id_reason_unique\` on \`key_customer_tag\` (\`customer_id\`, \`reason\`);`);

    this.addSql(`create table \`unit_holding\` (\`id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`customer_id\` text not null, \`unit_id\` text not null, \`role\` text not null, \`moved_in_on\` text not null, \`moved_out_on\` text null, \`recorded_by\` text not null, \`recorded_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`unit_holding_org_id_site_id_customer_id_index\` on \`unit_holding\` (\`org_id\`, \`site_id\`, \`customer_id\`);`);
    this.addSql(`create unique index \`unit_holding_customer_id_unit_id_role_moved_in_on_unique\` on \`unit_holding\` (\`customer_id\`, \`unit_id\`, \`role\`, \`moved_in_on\`);`);

    this.addSql(`alter table \`complaint\` add column \`key_customer\` integer not null default false;`);

  }

}
