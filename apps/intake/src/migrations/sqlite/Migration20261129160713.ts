import { Migration } from '@mikro-orm/migrations';

export class Migration20261129160713 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`contact_log\` (\`id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`customer_id\` text null, \`case_id\` text null, \`department\` text null, \`channel\` text not null, \`asked\` text null, \`answered\` text not null, \`by\` text not null, \`at\` datetime not null, \`source\` text not null, \`source_id\` text not null, primary key (\`id\`));`);
    this.addSql(`create index \`contact_log_org_id_site_id_department_at_index\` on \`contact_log\` (\`org_id\`, \`site_id\`, \`department\`, \`at\`);`);
    this.addSql(`create index \`contact_log_org_id_customer_id_at_index\` on \`contact_log\` (\`org_id\`, \`customer_id\`, \`at\`);`);
    this.addSql(`create unique index \`contact_log_source_source_id_unique\` on \`contact_log\` (\`source\`, \`source_id\`);`);

    this.addSql(`create table \`inquiry\` (\`id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`customer_id\` text null, \`kind\` text not null, \`channel\` text not null, \`question\` text not null, \`received_at\` datetime not null, \`received_by\` text not null, \`status\` text not null, \`routed_to\` text null, \`answer\` text null, \`answered_by\` text null, \`answered_at\` datetime null, \`answered_via\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`inquiry_org_id_routed_to_status_index\` on \`inquiry\` (\`org_id\`, \`routed_to\`, \`status\`);`);
    this.addSql(`create index \`inquiry_org_id_site_id_status_received_at_index\` on \`inquiry\` (\`org_id\`, \`site_id\`, \`status\`, \`received_at\`);`);

    this.addSql(`create table \`service_request\` (\`id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`area_id\` text null, \`unit_id\` text null, \`customer_id\` text not null, \`kind\` text not null, \`channel\` text not null, \`department\` text not null, \`description\` text not null, \`agreed_price_yuan\` integer null, \`received_at\` datetime not null, \`received_by\` text not null, \`response_due_at\` datetime not null, \`status\` text not null, \`completed_at\` datetime null, \`charged_yuan\` integer null, \`idempotency_key\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`service_request_org_id_site_id_status_received_at_index\` on \`service_request\` (\`org_id\`, \`site_id\`, \`status\`, \`received_at\`);`);
    this.addSql(`create index \`service_request_org_id_customer_id_received_at_index\` on \`service_request\` (\`org_id\`, \`customer_id\`, \`received_at\`);`);
    this.addSql(`create unique index \`service_request_org_id_idempotency_key_unique\` on \`service_request\` (\`org_id\`, \`idempotency_key\`);`);

    this.addSql(`alter table \`site\` add column \`repair_response_minutes\` integer not null default 30;`);
  }

}
