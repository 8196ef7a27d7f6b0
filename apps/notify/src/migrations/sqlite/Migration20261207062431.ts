import { Migration } from '@mikro-orm/migrations';

export class Migration20261207062431 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`case_file\` (\`complaint_id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`area_manager_id\` text null, \`category\` text null, \`severity\` text null, \`time_zone\` text null, primary key (\`complaint_id\`));`);

    this.addSql(`create table \`deadline_watch\` (\`id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`complaint_id\` text not null, \`work_order_id\` text not null, \`department\` text not null, \`clock\` text not null, \`start_at\` datetime not null, \`due_at\` datetime not null, \`next_warn_at\` datetime null, \`open\` integer not null default true, \`warned\` integer not null default 0, \`handler_id\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`deadline_watch_work_order_id_index\` on \`deadline_watch\` (\`work_order_id\`);`);
    this.addSql(`create index \`deadline_watch_next_warn_at_index\` on \`deadline_watch\` (\`next_warn_at\`);`);

    this.addSql(`create table \`delivery\` (\`id\` text not null, \`notification_id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`channel\` text not null, \`target\` text not null, \`status\` text not null, \`attempts\` integer not null default 0, \`next_attempt_at\` datetime not null, \`sent_at\` datetime null, \`last_error\` text null, \`provider_id\` text null, \`fallback_of\` text null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`delivery_org_id_status_index\` on \`delivery\` (\`org_id\`, \`status\`);`);
    this.addSql(`create index \`delivery_status_next_attempt_at_index\` on \`delivery\` (\`status\`, \`next_attempt_at\`);`);
    this.addSql(`create unique index \`delivery_notification_id_channel_target_unique\` on \`delivery\` (\`notification_id\`, \`channel\`, \`target\`);`);

    this.addSql(`create table \`duty_assignment\` (\`id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`date\` text not null, \`shift\` text not null, \`staff_ids\` json not null, \`assigned_by\` text not null, primary key (\`id\`));`);
    this.addSql(`create index \`duty_assignment_org_id_site_id_date_index\` on \`duty_assignment\` (\`org_id\`, \`site_id\`, \`date\`);`);

    this.addSql(`create table \`duty_director\` (\`id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`date\` text not null, \`user_id\` text not null, \`assigned_by\` text not null, primary key (\`id\`));`);
    this.addSql(`create index \`duty_director_org_id_site_id_date_index\` on \`duty_director\` (\`org_id\`, \`site_id\`, \`date\`);`);

    this.addSql(`create table \`inbox_message\` (\`consumer\` text not null, \`message_id\` text not null, \`subject\` text not null, \`processed_at\` datetime not null, primary key (\`consumer\`, \`message_id\`));`);
    this.addSql(`create index \`inbox_message_processed_at_index\` on \`inbox_message\` (\`processed_at\`);`);

    this.addSql(`create table \`known_site\` (\`site_id\` text not null, \`org_id\` text not null, \`name\` text not null, \`time_zone\` text not null, primary key (\`site_id\`));`);
    this.addSql(`create index \`known_site_org_id_index\` on \`known_site\` (\`org_id\`);`);

    this.addSql(`create table \`known_staff\` (\`staff_id\` text not null, \`org_id\` text not null, \`roles\` json not null, \`department\` text null, \`sites\` json not null, \`active\` integer not null, primary key (\`staff_id\`));`);

    this.addSql(`create table \`known_staff_contact\` (\`staff_id\` text not null, \`org_id\` text not null, \`name\` text null, \`email\` text null, primary key (\`staff_id\`));`);

    this.addSql(`create table \`notification\` (\`id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`recipient_id\` text not null, \`kind\` text not null, \`title\` text not null, \`body\` text not null, \`complaint_id\` text null, \`work_order_id\` text null, \`source_key\` text not null, \`created_at\` datetime not null, \`read_at\` datetime null, \`ack_required\` integer not null, \`ack_due_at\` datetime null, \`acknowledged_at\` datetime null, \`urgent\` integer not null, \`ladder\` json not null, \`ladder_step\` integer not null default 0, \`ack_within_minutes\` integer null, \`escalated_at\` datetime null, \`recipient_roles\` json not null, primary key (\`id\`));`);
    this.addSql(`create index \`notification_ack_due_at_index\` on \`notification\` (\`ack_due_at\`);`);
    this.addSql(`create index \`notification_complaint_id_index\` on \`notification\` (\`complaint_id\`);`);
    this.addSql(`create index \`notification_recipient_id_created_at_index\` on \`notification\` (\`recipient_id\`, \`created_at\`);`);
    this.addSql(`create unique index \`notification_source_key_recipient_id_unique\` on \`notification\` (\`source_key\`, \`recipient_id\`);`);

    this.addSql(`create table \`notification_policy\` (\`org_id\` text not null, \`kind\` text not null, \`ack_within_minutes\` integer not null, primary key (\`org_id\`, \`kind\`));`);

    this.addSql(`create table \`notification_preference\` (\`user_id\` text not null, \`org_id\` text not null, \`channels\` json not null, \`quiet_start\` text null, \`quiet_end\` text null, \`phone\` text null, \`time_zone\` text not null, primary key (\`user_id\`));`);

    this.addSql(`create table \`outbox_event\` (\`seq\` integer not null primary key autoincrement, \`event_id\` text not null, \`subject\` text not null, \`body\` text not null, \`created_at\` datetime not null, \`published_at\` datetime null, \`attempts\` integer not null default 0, \`last_error\` text null);`);
    this.addSql(`create unique index \`outbox_event_event_id_unique\` on \`outbox_event\` (\`event_id\`);`);
    this.addSql(`create index \`outbox_event_published_at_seq_index\` on \`outbox_event\` (\`published_at\`, \`seq\`);`);

    this.addSql(`create table \`parked_message\` (\`id\` integer not null primary key autoincrement, \`consumer\` text not null, \`message_id\` text not null, \`subject\` text not null, \`body\` text not null, \`reason\` text not null, \`deliveries\` integer not null, \`parked_at\` datetime not null);`);
    this.addSql(`create unique index \`parked_message_consumer_message_id_unique\` on \`parked_message\` (\`consumer\`, \`message_id\`);`);

    this.addSql(`create table \`shift_handover\` (\`id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`date\` text not null, \`shift\` text not null, \`to_date\` text not null, \`to_shift\` text not null, \`handed_over_by\` text not null, \`note\` text not null, \`items\` json not null, \`created_at\` datetime not null, \`acknowledged_by\` text null, \`acknowledged_at\` datetime null, primary key (\`id\`));`);
    this.addSql(`create index \`shift_handover_org_id_site_id_created_at_index\` on \`shift_handover\` (\`org_id\`, \`site_id\`, \`created_at\`);`);
    this.addSql(`create unique index \`shift_handover_site_id_date_shift_unique\` on \`shift_handover\` (\`site_id\`, \`date\`, \`shift\`);`);

    this.addSql(`create table \`site_channel\` (\`id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`channel\` text not null, \`target\` text not null, \`secret\` text null, \`kinds\` json not null, \`saved_by\` text not null, \`saved_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`site_channel_org_id_site_id_index\` on \`site_channel\` (\`org_id\`, \`site_id\`);`);
    this.addSql(`create unique index \`site_channel_site_id_channel_target_unique\` on \`site_channel\` (\`site_id\`, \`channel\`, \`target\`);`);

    this.addSql(`create table \`site_shift\` (\`id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`name\` text not null, \`starts_at\` text not null, \`ends_at\` text not null, primary key (\`id\`));`);
    this.addSql(`create index \`site_shift_org_id_site_id_index\` on \`site_shift\` (\`org_id\`, \`site_id\`);`);
  }

}
