import { Migration } from '@mikro-orm/migrations';

export class Migration20261122205740 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`callback\` (\`id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`area_id\` text null, \`complaint_id\` text not null, \`round\` integer not null, \`severity\` text not null, \`assignee\` text not null, \`allowed_methods\` json not null, \`resolved_at\` datetime not null, \`due_at\` datetime not null, \`created_at\` datetime not null, \`completed_at\` datetime null, \`method\` text null, \`satisfaction\` text null, \`notes\` text null, \`completed_by\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`callback_org_id_site_id_due_at_index\` on \`callback\` (\`org_id\`, \`site_id\`, \`due_at\`);`);
    this.addSql(`create unique index \`callback_complaint_id_round_unique\` on \`callback\` (\`complaint_id\`, \`round\`);`);

    this.addSql(`create table \`inbox_message\` (\`consumer\` text not null, \`message_id\` text not null, \`subject\` text not null, \`processed_at\` datetime not null, primary key (\`consumer\`, \`message_id\`));`);

    this.addSql(`create table \`outbox_event\` (\`seq\` integer not null primary key autoincrement, \`event_id\` text not null, \`subject\` text not null, \`body\` text not null, \`created_at\` datetime not null, \`published_at\` datetime null, \`attempts\` integer not null default 0, \`last_error\` text null);`);
    this.addSql(`create unique index \`outbox_event_event_id_unique\` on \`outbox_event\` (\`event_id\`);`);
    this.addSql(`create index \`outbox_event_published_at_seq_index\` on \`outbox_event\` (\`published_at\`, \`seq\`);`);

    this.addSql(`create table \`parked_message\` (\`id\` integer not null primary key autoincrement, \`consumer\` text not null, \`message_id\` text not null, \`subject\` text not null, \`body\` text not null, \`reason\` text not null, \`deliveries\` integer not null, \`parked_at\` datetime not null);`);
    this.addSql(`create unique index \`parked_message_consumer_message_id_unique\` on \`parked_message\` (\`consumer\`, \`message_id\`);`);
  }

}
