import { Migration } from '@mikro-orm/migrations';

export class Migration20261122205740 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`deadline\` (\`id\` text not null, \`work_order_id\` text not null, \`clock\` text not null, \`due_at\` datetime not null, \`met_at\` datetime null, \`breached_at\` datetime null, primary key (\`id\`));`);
    this.addSql(`create index \`deadline_due_at_index\` on \`deadline\` (\`due_at\`);`);
    this.addSql(`create unique index \`deadline_work_order_id_clock_unique\` on \`deadline\` (\`work_order_id\`, \`clock\`);`);

    this.addSql(`create table \`inbox_message\` (\`consumer\` text not null, \`message_id\` text not null, \`subject\` text not null, \`processed_at\` datetime not null, primary key (\`consumer\`, \`message_id\`));`);

    this.addSql(`create table \`outbox_event\` (\`seq\` integer not null primary key autoincrement, \`event_id\` text not null, \`subject\` text not null, \`body\` text not null, \`created_at\` datetime not null, \`published_at\` datetime null, \`attempts\` integer not null default 0, \`last_error\` text null);`);
    this.addSql(`create unique index \`outbox_event_event_id_unique\` on \`outbox_event\` (\`event_id\`);`);
    this.addSql(`create index \`outbox_event_published_at_seq_index\` on \`outbox_event\` (\`published_at\`, \`seq\`);`);

    this.addSql(`create table \`parked_message\` (\`id\` integer not null primary key autoincrement, \`consumer\` text not null, \`message_id\` text not null, \`subject\` text not null, \`body\` text not null, \`reason\` text not null, \`deliveries\` integer not null, \`parked_at\` datetime not null);`);
    this.addSql(`create unique index \`parked_message_consumer_message_id_unique\` on \`parked_message\` (\`consumer\`, \`message_id\`);`);

    this.addSql(`create table \`work_order\` (\`id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`area_id\` text null, \`area_manager_id\` text null, \`complaint_id\` text not null, \`department\` text not null, \`lead\` integer not null, \`status\` text not null, \`severity\` text not null, \`category\` text not null, \`taken_by\` text not null, \`received_at\` datetime not null, \`created_at\` datetime not null, \`resolved_at\` datetime null, \`resolved_by\` text null, \`resolution\` text null, \`cause_analysis\` text null, \`preventive_action\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`work_order_created_at_id_index\` on \`work_order\` (\`created_at\`, \`id\`);`);
    this.addSql(`create index \`work_order_org_id_site_id_department_status_index\` on \`work_order\` (\`org_id\`, \`site_id\`, \`department\`, \`status\`);`);
    this.addSql(`create unique index \`work_order_complaint_id_department_unique\` on \`work_order\` (\`complaint_id\`, \`department\`);`);
  }

}
