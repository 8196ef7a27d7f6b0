import { Migration } from '@mikro-orm/migrations';

export class Migration20261207225620 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`committee_clock\` (\`site_id\` text not null, \`org_id\` text not null, \`month\` text not null, \`due_at\` datetime not null, primary key (\`site_id\`));`);
    this.addSql(`create index \`committee_clock_due_at_index\` on \`committee_clock\` (\`due_at\`);`);

    this.addSql(`create table \`committee_meeting\` (\`id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`month\` text not null, \`held_at\` datetime not null, \`attendee_ids\` json not null, \`staff_ids\` json not null, \`minutes\` text not null, \`items\` json not null, \`recorded_by\` text not null, \`recorded_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`committee_meeting_org_id_site_id_month_index\` on \`committee_meeting\` (\`org_id\`, \`site_id\`, \`month\`);`);
    this.addSql(`create unique index \`committee_meeting_site_id_held_at_unique\` on \`committee_meeting\` (\`site_id\`, \`held_at\`);`);

    this.addSql(`create table \`committee_member\` (\`id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`customer_id\` text not null, \`position\` text not null, \`since\` text not null, \`left_on\` text null, \`recorded_by\` text not null, \`recorded_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`committee_member_org_id_site_id_index\` on \`committee_member\` (\`org_id\`, \`site_id\`);`);
    this.addSql(`create unique index \`committee_member_site_id_customer_id_unique\` on \`committee_member\` (\`site_id\`, \`customer_id\`);`);

    this.addSql(`create table \`relationship_plan\` (\`id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`year\` integer not null, \`period\` text not null, \`goals\` json not null, \`activities\` json not null, \`budget_yuan\` integer not null, \`saved_by\` text not null, \`saved_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`relationship_plan_org_id_site_id_year_index\` on \`relationship_plan\` (\`org_id\`, \`site_id\`, \`year\`);`);
    this.addSql(`create unique index \`relationship_plan_site_id_period_unique\` on \`relationship_plan\` (\`site_id\`, \`period\`);`);

    this.addSql(`create table \`resident_notice\` (\`id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`kind\` text not null, \`title\` text not null, \`body\` text not null, \`audience\` json not null, \`unit_ids\` json null, \`starts_at\` datetime not null, \`ends_at\` datetime null, \`channels\` json not null, \`sent_to\` json not null, \`published_by\` text not null, \`published_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`resident_notice_org_id_site_id_published_at_index\` on \`resident_notice\` (\`org_id\`, \`site_id\`, \`published_at\`);`);

    this.addSql(`alter table \`unit\` add column \`building\` text null;`);
  }

}
