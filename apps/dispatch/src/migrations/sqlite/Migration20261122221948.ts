import { Migration } from '@mikro-orm/migrations';

export class Migration20261122221948 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`contractor_penalty\` (\`id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`notice_id\` text not null, \`contractor\` text not null, \`failure\` text not null, \`at\` datetime not null, \`amount_yuan\` integer null, \`amount_set_by\` text null, \`settled_at\` datetime null, primary key (\`id\`));`);
    this.addSql(`create unique index \`contractor_penalty_notice_id_unique\` on \`contractor_penalty\` (\`notice_id\`);`);
    this.addSql(`create index \`contractor_penalty_org_id_site_id_settled_at_index\` on \`contractor_penalty\` (\`org_id\`, \`site_id\`, \`settled_at\`);`);

    this.addSql(`create table \`emergency_event\` (\`id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`work_order_id\` text null, \`description\` text not null, \`occurred_at\` datetime not null, \`reported_by\` text not null, \`reported_at\` datetime not null, \`containment\` text null, \`cause\` text null, \`remedy\` text null, \`prevention\` text null, \`reviewed_by\` text null, \`reviewed_at\` datetime null, primary key (\`id\`));`);
    this.addSql(`create index \`emergency_event_org_id_site_id_reported_at_index\` on \`emergency_event\` (\`org_id\`, \`site_id\`, \`reported_at\`);`);

    this.addSql(`create table \`escalation\` (\`id\` text not null, \`work_order_id\` text not null, \`from_level\` text not null, \`to_level\` text not null, \`reason\` text not null, \`clock\` text null, \`by\` text not null, \`at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`escalation_work_order_id_at_index\` on \`escalation\` (\`work_order_id\`, \`at\`);`);

    this.addSql(`create table \`deadline_extension\` (\`id\` text not null, \`work_order_id\` text not null, \`deadline_id\` text not null, \`clock\` text not null, \`previous_due_at\` datetime not null, \`new_due_at\` datetime not null, \`reason\` text not null, \`customer_told_at\` datetime not null, \`customer_told_via\` text not null, \`by\` text not null, \`at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`deadline_extension_work_order_id_index\` on \`deadline_extension\` (\`work_order_id\`);`);

    this.addSql(`create table \`liaison_letter\` (\`id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`complaint_id\` text not null, \`work_order_id\` text not null, \`from_department\` text null, \`to_department\` text not null, \`body\` text not null, \`due_at\` datetime not null, \`sent_by\` text not null, \`sent_at\` datetime not null, \`answer\` text null, \`answered_by\` text null, \`answered_at\` datetime null, \`overdue_at\` datetime null, primary key (\`id\`));`);
    this.addSql(`create index \`liaison_letter_due_at_index\` on \`liaison_letter\` (\`due_at\`);`);
    this.addSql(`create index \`liaison_letter_org_id_to_department_answered_at_index\` on \`liaison_letter\` (\`org_id\`, \`to_department\`, \`answered_at\`);`);

    this.addSql(`create table \`progress_note\` (\`id\` text not null, \`work_order_id\` text not null, \`note\` text not null, \`by\` text not null, \`at\` datetime not null, \`customer_informed_at\` datetime null, \`customer_informed_via\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`progress_note_work_order_id_at_index\` on \`progress_note\` (\`work_order_id\`, \`at\`);`);

    this.addSql(`create table \`rectification_notice\` (\`id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`work_order_id\` text not null, \`contractor\` text not null, \`defect\` text not null, \`issued_by\` text not null, \`issued_at\` datetime not null, \`rectify_by\` datetime not null, \`arrived_at\` datetime null, \`returned_at\` datetime null, \`completed_at\` datetime null, \`failure\` text null, \`failed_at\` datetime null, \`emergency_repair_started_at\` datetime null, primary key (\`id\`));`);
    this.addSql(`create index \`rectification_notice_rectify_by_index\` on \`rectification_notice\` (\`rectify_by\`);`);
    this.addSql(`create index \`rectification_notice_org_id_site_id_issued_at_index\` on \`rectification_notice\` (\`org_id\`, \`site_id\`, \`issued_at\`);`);

    this.addSql(`drop index \`deadline_work_order_id_clock_unique\`;`);
    this.addSql(`drop index \`deadline_due_at_index\`;`);

    this.addSql(`alter table \`deadline\` add column \`round\` integer not null default 1;`);
    this.addSql(`alter table \`deadline\` add column \`ref\` text not null default '';`);
    this.addSql(`alter table \`deadline\` add column \`fired_at\` datetime null;`);
    this.addSql(`alter table \`deadline\` add column \`cancelled_at\` datetime null;`);
    this.addSql(`create index \`deadline_work_order_id_index\` on \`deadline\` (\`work_order_id\`);`);
    this.addSql(`create unique index \`deadline_work_order_id_clock_round_ref_unique\` on \`deadline\` (\`work_order_id\`, \`clock\`, \`round\`, \`ref\`);`);

    this.addSql(`alter table \`work_order\` add column \`customer_id\` text not null default '';`);
    this.addSql(`alter table \`work_order\` add column \`round\` integer not null default 1;`);
    this.addSql(`alter table \`work_order\` add column \`next_due_at\` datetime not null default '9999-12-31 00:00:00';`);
    this.addSql(`alter table \`work_order\` add column \`escalation_level\` text not null default 'HANDLER';`);
    this.addSql(`alter table \`work_order\` add column \`plan\` text null;`);
    this.addSql(`alter table \`work_order\` add column \`plan_written_by\` text null;`);
    this.addSql(`alter table \`work_order\` add column \`plan_written_at\` datetime null;`);
    this.addSql(`alter table \`work_order\` add column \`plan_signed_off_by\` text null;`);
    this.addSql(`alter table \`work_order\` add column \`plan_signed_off_at\` datetime null;`);
    this.addSql(`alter table \`work_order\` add column \`handler_id\` text null;`);
    this.addSql(`alter table \`work_order\` add column \`assigned_at\` datetime null;`);
    this.addSql(`alter table \`work_order\` add column \`reported_to\` text null;`);
    this.addSql(`alter table \`work_order\` add column \`reported_to_head_at\` datetime null;`);
    this.addSql(`alter table \`work_order\` add column \`agreed_solution\` text null;`);
    this.addSql(`alter table \`work_order\` add column \`solution_agreed_at\` datetime null;`);
    this.addSql(`alter table \`work_order\` add column \`corrective_action_report\` text null;`);
    this.addSql(`alter table \`work_order\` add column \`confirmed_at\` datetime null;`);
    this.addSql(`alter table \`work_order\` add column \`confirmation_signature\` text null;`);
    this.addSql(`alter table \`work_order\` add column \`confirmation_recorded_by\` text null;`);
    this.addSql(`alter table \`work_order\` add column \`closed_at\` datetime null;`);
    this.addSql(`alter table \`work_order\` add column \`closed_by\` text null;`);
    this.addSql(`create index \`work_order_org_id_next_due_at_id_index\` on \`work_order\` (\`org_id\`, \`next_due_at\`, \`id\`);`);

    // hand-added: the scheduler's claim query reads only pending clocks (partial index, not in the snapshot)
    this.addSql(`create index "deadline_pending_due_at_index" on "deadline" ("due_at") where "fired_at" is null and "met_at" is null and "cancelled_at" is null;`);
    // hand-added: existing work orders get their queue sort key from their open clocks
    this.addSql(`update "work_order" set "next_due_at" = coalesce((select min(d."due_at") from "deadline" d where d."work_order_id" = "work_order"."id" and d."met_at" is null), "next_due_at");`);
  }

}
