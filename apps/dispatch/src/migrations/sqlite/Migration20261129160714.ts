import { Migration } from '@mikro-orm/migrations';

export class Migration20261129160714 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`service_note\` (\`id\` text not null, \`service_order_id\` text not null, \`note\` text not null, \`by\` text not null, \`at\` datetime not null, \`customer_informed_at\` datetime null, \`customer_informed_via\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`service_note_service_order_id_at_index\` on \`service_note\` (\`service_order_id\`, \`at\`);`);

    this.addSql(`create table \`service_order\` (\`id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`area_id\` text null, \`area_manager_id\` text null, \`service_id\` text not null, \`kind\` text not null, \`customer_id\` text not null, \`unit_id\` text null, \`department\` text not null, \`description\` text not null, \`agreed_price_yuan\` integer null, \`taken_by\` text not null, \`received_at\` datetime not null, \`status\` text not null, \`response_due_at\` datetime not null, \`responded_at\` datetime null, \`response_breached_at\` datetime null, \`handler_id\` text null, \`eta_at\` datetime null, \`eta_breached_at\` datetime null, \`completed_at\` datetime null, \`completed_by\` text null, \`result\` text null, \`customer_signature\` text null, \`charged_yuan\` integer null, primary key (\`id\`));`);
    this.addSql(`create index \`service_order_status_eta_at_index\` on \`service_order\` (\`status\`, \`eta_at\`);`);
    this.addSql(`create index \`service_order_status_response_due_at_index\` on \`service_order\` (\`status\`, \`response_due_at\`);`);
    this.addSql(`create index \`service_order_org_id_site_id_department_status_index\` on \`service_order\` (\`org_id\`, \`site_id\`, \`department\`, \`status\`);`);
    this.addSql(`create unique index \`service_order_service_id_unique\` on \`service_order\` (\`service_id\`);`);
  }

}
