import { Migration } from '@mikro-orm/migrations';

export class Migration20261122205740 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`complaint_fact\` (\`complaint_id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`month\` text null, \`category\` text null, \`severity\` text null, \`channel\` text null, \`departments\` json null, \`received_at\` datetime null, \`resolved_at\` datetime null, \`callback_due_at\` datetime null, \`callback_completed_at\` datetime null, \`callback_on_time\` integer null, \`satisfaction\` text null, primary key (\`complaint_id\`));`);
    this.addSql(`create index \`complaint_fact_org_id_month_site_id_index\` on \`complaint_fact\` (\`org_id\`, \`month\`, \`site_id\`);`);

    this.addSql(`create table \`deadline_fact\` (\`work_order_id\` text not null, \`clock\` text not null, \`complaint_id\` text not null, \`org_id\` text not null, \`due_at\` datetime not null, \`met_at\` datetime null, \`breached_at\` datetime null, primary key (\`work_order_id\`, \`clock\`));`);
    this.addSql(`create index \`deadline_fact_complaint_id_index\` on \`deadline_fact\` (\`complaint_id\`);`);

    this.addSql(`create table \`inbox_message\` (\`consumer\` text not null, \`message_id\` text not null, \`subject\` text not null, \`processed_at\` datetime not null, primary key (\`consumer\`, \`message_id\`));`);

    this.addSql(`create table \`outbox_event\` (\`seq\` integer not null primary key autoincrement, \`event_id\` text not null, \`subject\` text not null, \`body\` text not null, \`created_at\` datetime not null, \`published_at\` datetime null, \`attempts\` integer not null default 0, \`last_error\` text null);`);
    this.addSql(`create unique index \`outbox_event_event_id_unique\` on \`outbox_event\` (\`event_id\`);`);
    this.addSql(`create index \`outbox_event_published_at_seq_index\` on \`outbox_event\` (\`published_at\`, \`seq\`);`);

    this.addSql(`create table \`parked_message\` (\`id\` integer not null primary key autoincrement, \`consumer\` text not null, \`message_id\` text not null, \`subject\` text not null, \`body\` text not null, \`reason\` text not null, \`deliveries\` integer not null, \`parked_at\` datetime not null);`);
    this.addSql(`create unique index \`parked_message_consumer_message_id_unique\` on \`parked_message\` (\`consumer\`, \`message_id\`);`);
  }

}
