import { Migration } from '@mikro-orm/migrations';

export class Migration20261122205437 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`area\` (\`id\` text not null, \`site_id\` text not null, \`name\` text not null, \`area_manager_id\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`area_site_id_index\` on \`area\` (\`site_id\`);`);

    this.addSql(`create table \`complaint\` (\`id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`area_id\` text null, \`unit_id\` text null, \`customer_id\` text not null, \`channel\` text not null, \`category\` text not null, \`description\` text not null, \`received_at\` datetime not null, \`received_by\` text not null, \`requested_reply_by\` datetime null, \`serious\` integer not null default false, \`urgent\` integer not null default false, \`circumstances\` json not null, \`severity\` text not null, \`valid\` integer not null default true, \`status\` text not null, \`departments\` json not null, \`reply_due_at\` datetime not null, \`idempotency_key\` text null, \`input_hash\` text null, \`created_at\` datetime not null, \`resolved_at\` datetime null, primary key (\`id\`));`);
    this.addSql(`create index \`complaint_org_id_site_id_received_at_index\` on \`complaint\` (\`org_id\`, \`site_id\`, \`received_at\`);`);
    this.addSql(`create unique index \`complaint_org_id_idempotency_key_unique\` on \`complaint\` (\`org_id\`, \`idempotency_key\`);`);

    this.addSql(`create table \`customer\` (\`id\` text not null, \`org_id\` text not null, \`name\` text not null, \`phone\` text not null, \`kind\` text not null default 'OTHER', \`unit_id\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`customer_org_id_phone_index\` on \`customer\` (\`org_id\`, \`phone\`);`);

    this.addSql(`create table \`inbox_message\` (\`consumer\` text not null, \`message_id\` text not null, \`subject\` text not null, \`processed_at\` datetime not null, primary key (\`consumer\`, \`message_id\`));`);

    this.addSql(`create table \`organisation\` (\`id\` text not null, \`name\` text not null, primary key (\`id\`));`);

    this.addSql(`create table \`outbox_event\` (\`seq\` integer not null primary key autoincrement, \`event_id\` text not null, \`subject\` text not null, \`body\` text not null, \`created_at\` datetime not null, \`published_at\` datetime null, \`attempts\` integer not null default 0, \`last_error\` text null);`);
    this.addSql(`create unique index \`outbox_event_event_id_unique\` on \`outbox_event\` (\`event_id\`);`);
    this.addSql(`create index \`outbox_event_published_at_seq_index\` on \`outbox_event\` (\`published_at\`, \`seq\`);`);

    this.addSql(`create table \`parked_message\` (\`id\` integer not null primary key autoincrement, \`consumer\` text not null, \`message_id\` text not null, \`subject\` text not null, \`body\` text not null, \`reason\` text not null, \`deliveries\` integer not null, \`parked_at\` datetime not null);`);
    this.addSql(`create unique index \`parked_message_consumer_message_id_unique\` on \`parked_message\` (\`consumer\`, \`message_id\`);`);

    this.addSql(`create table \`site\` (\`id\` text not null, \`org_id\` text not null, \`name\` text not null, \`time_zone\` text not null default 'Asia/Shanghai', \`holidays\` json not null, \`make_up_workdays\` json not null, primary key (\`id\`));`);
    this.addSql(`create index \`site_org_id_index\` on \`site\` (\`org_id\`);`);

    this.addSql(`create table \`unit\` (\`id\` text not null, \`site_id\` text not null, \`area_id\` text not null, \`name\` text not null, primary key (\`id\`));`);
    this.addSql(`create index \`unit_site_id_index\` on \`unit\` (\`site_id\`);`);
  }

}
