import { Migration } from '@mikro-orm/migrations';

export class Migration20261122213301 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`routing_rule\` (\`org_id\` text not null, \`category\` text not null, \`departments\` json not null, primary key (\`org_id\`, \`category\`));`);

    this.addSql(`create table \`staff_user\` (\`id\` text not null, \`org_id\` text not null, \`name\` text not null, \`phone\` text null, \`roles\` json not null, \`department\` text null, \`sites\` json not null, \`active\` integer not null default true, primary key (\`id\`));`);
    this.addSql(`create index \`staff_user_org_id_index\` on \`staff_user\` (\`org_id\`);`);

    this.addSql(`alter table \`complaint\` add column \`recorded_by\` text not null default '';`);
    this.addSql(`alter table \`complaint\` add column \`location\` text null;`);
    this.addSql(`alter table \`complaint\` add column \`attachments\` json not null default '[]';`);
    this.addSql(`alter table \`complaint\` add column \`invalid_reason\` text null;`);
    this.addSql(`alter table \`complaint\` add column \`reply\` text null;`);
    this.addSql(`alter table \`complaint\` add column \`replied_at\` datetime null;`);
    this.addSql(`alter table \`complaint\` add column \`replied_via\` text null;`);
    this.addSql(`alter table \`complaint\` add column \`repeat_of\` text null;`);
    this.addSql(`alter table \`complaint\` add column \`severity_history\` json not null default '[]';`);
    // hand-written: SQLite needs a default to add a NOT NULL column; earlier rows were entered by their receiver
    this.addSql(`update \`complaint\` set \`recorded_by\` = \`received_by\` where \`recorded_by\` = '';`);
    this.addSql(`create index \`complaint_org_id_customer_id_status_index\` on \`complaint\` (\`org_id\`, \`customer_id\`, \`status\`);`);

    this.addSql(`alter table \`customer\` add column \`email\` text null;`);

    this.addSql(`alter table \`site\` add column \`annual_holidays\` json not null default '["01-01","05-01","05-02","10-01","10-02","10-03"]';`);
  }

}
