import { Migration } from '@mikro-orm/migrations';

/**
 * The read model of issue 12. complaint_fact and deadline_fact are recreated rather than altered: the
 * read model is rebuilt from the stream (the new durable consumer `analytics-read-model` starts at the
 * stream's first message), so nothing of the old tables needs keeping.
 */
export class Migration20261129133350 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`callback_fact\` (\`callback_id\` text not null, \`case_id\` text not null, \`kind\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`area_id\` text not null, \`month\` text not null, \`day\` text not null, \`week\` text not null, \`round\` integer not null, \`status\` text not null, \`due_at\` text not null, \`resolved_at\` text not null, \`completed_at\` text null, \`satisfaction\` text null, primary key (\`callback_id\`));`);
    this.addSql(`create index \`callback_fact_case_id_index\` on \`callback_fact\` (\`case_id\`);`);
    this.addSql(`create index \`callback_fact_org_id_month_site_id_index\` on \`callback_fact\` (\`org_id\`, \`month\`, \`site_id\`);`);
    this.addSql(`create table \`case_entry\` (\`id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`complaint_id\` text not null, \`severity\` text not null, \`category\` text not null, \`cause\` text null, \`title\` text not null, \`summary\` text not null, \`lessons\` text not null, \`tags\` text not null, \`search_text\` text not null, \`created_by\` text not null, \`created_at\` text not null, primary key (\`id\`));`);
    this.addSql(`create index \`case_entry_org_id_created_at_id_index\` on \`case_entry\` (\`org_id\`, \`created_at\`, \`id\`);`);
    this.addSql(`create unique index \`case_entry_org_id_complaint_id_unique\` on \`case_entry\` (\`org_id\`, \`complaint_id\`);`);
    this.addSql(`create table \`complaint_archive\` (\`complaint_id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`area_id\` text not null, \`closed_at\` text not null, \`purge_at\` text not null, \`document\` text not null, \`purge_announced_at\` text null, primary key (\`complaint_id\`));`);
    this.addSql(`create index \`complaint_archive_purge_at_index\` on \`complaint_archive\` (\`purge_at\`);`);
    this.addSql(`create table \`report_cube\` (\`org_id\` text not null, \`month\` text not null, \`site_id\` text not null, \`area_id\` text not null, \`dim\` text not null, \`key\` text not null, \`n\` bigint not null, primary key (\`org_id\`, \`month\`, \`site_id\`, \`area_id\`, \`dim\`, \`key\`));`);
    this.addSql(`create index \`report_cube_org_id_month_index\` on \`report_cube\` (\`org_id\`, \`month\`);`);
    this.addSql(`create table \`customer_month\` (\`org_id\` text not null, \`month\` text not null, \`site_id\` text not null, \`customer_id\` text not null, \`area_id\` text not null, \`complaints\` integer not null, \`repeat\` integer not null, \`flagged\` integer not null, primary key (\`org_id\`, \`month\`, \`site_id\`, \`customer_id\`));`);
    this.addSql(`create index \`customer_month_org_id_month_flagged_index\` on \`customer_month\` (\`org_id\`, \`month\`, \`flagged\`);`);
    this.addSql(`create table \`complaint_department_fact\` (\`complaint_id\` text not null, \`department\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`area_id\` text not null, \`month\` text not null, \`lead\` integer not null, \`valid\` integer not null, primary key (\`complaint_id\`, \`department\`));`);
    this.addSql(`create index \`complaint_department_fact_org_id_month_site_id_index\` on \`complaint_department_fact\` (\`org_id\`, \`month\`, \`site_id\`);`);
    this.addSql(`create table \`emergency_fact\` (\`emergency_id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`month\` text not null, \`work_order_id\` text null, \`reported_at\` text not null, primary key (\`emergency_id\`));`);
    this.addSql(`create index \`emergency_fact_work_order_id_index\` on \`emergency_fact\` (\`work_order_id\`);`);
    this.addSql(`create index \`emergency_fact_org_id_month_site_id_index\` on \`emergency_fact\` (\`org_id\`, \`month\`, \`site_id\`);`);
    this.addSql(`create table \`escalation_fact\` (\`event_id\` text not null, \`complaint_id\` text not null, \`work_order_id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`area_id\` text not null, \`month\` text not null, \`to_level\` text not null, \`clock\` text null, \`at\` text not null, primary key (\`event_id\`));`);
    this.addSql(`create index \`escalation_fact_complaint_id_index\` on \`escalation_fact\` (\`complaint_id\`);`);
    this.addSql(`create index \`escalation_fact_org_id_month_site_id_index\` on \`escalation_fact\` (\`org_id\`, \`month\`, \`site_id\`);`);
    this.addSql(`create table \`analytics_event\` (\`event_id\` text not null, \`subject\` text not null, \`version\` integer not null, \`org_id\` text not null, \`site_id\` text not null, \`case_id\` text not null, \`work_order_id\` text null, \`actor\` text not null, \`channel\` text null, \`occurred_at\` text not null, \`payload\` text not null, primary key (\`event_id\`));`);
    this.addSql(`create index \`analytics_event_org_id_occurred_at_index\` on \`analytics_event\` (\`org_id\`, \`occurred_at\`);`);
    this.addSql(`create index \`analytics_event_org_id_actor_occurred_at_index\` on \`analytics_event\` (\`org_id\`, \`actor\`, \`occurred_at\`);`);
    this.addSql(`create index \`analytics_event_case_id_index\` on \`analytics_event\` (\`case_id\`);`);
    this.addSql(`create table \`penalty_fact\` (\`penalty_id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`month\` text not null, \`work_order_id\` text null, \`contractor\` text not null, \`failure\` text not null, \`at\` text not null, \`amount_yuan\` integer null, primary key (\`penalty_id\`));`);
    this.addSql(`create index \`penalty_fact_work_order_id_index\` on \`penalty_fact\` (\`work_order_id\`);`);
    this.addSql(`create index \`penalty_fact_org_id_month_site_id_index\` on \`penalty_fact\` (\`org_id\`, \`month\`, \`site_id\`);`);
    this.addSql(`create table \`product_suggestion\` (\`org_id\` text not null, \`month\` text not null, \`site_id\` text not null, \`category\` text not null, \`cause\` text not null, \`suggestion\` text not null, \`edited_by\` text not null, \`edited_at\` text not null, primary key (\`org_id\`, \`month\`, \`site_id\`, \`category\`, \`cause\`));`);
    this.addSql(`create table \`report_submission\` (\`org_id\` text not null, \`site_id\` text not null, \`month\` text not null, \`due_at\` text not null, \`submitted_at\` text null, \`submitted_by\` text null, \`commentary\` text null, \`snapshot\` text null, \`flagged_at\` text null, primary key (\`org_id\`, \`site_id\`, \`month\`));`);
    this.addSql(`create index \`report_submission_due_at_index\` on \`report_submission\` (\`due_at\`);`);
    this.addSql(`create table \`site_fact\` (\`site_id\` text not null, \`org_id\` text not null, \`name\` text not null, \`time_zone\` text not null, primary key (\`site_id\`));`);
    this.addSql(`create table \`survey_fact\` (\`response_id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`month\` text not null, \`answers\` integer not null, \`dissatisfied\` integer not null, \`follow_ups\` integer not null, primary key (\`response_id\`));`);
    this.addSql(`create index \`survey_fact_org_id_month_site_id_index\` on \`survey_fact\` (\`org_id\`, \`month\`, \`site_id\`);`);
    this.addSql(`create table \`work_order_fact\` (\`work_order_id\` text not null, \`complaint_id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`area_id\` text not null, \`month\` text not null, \`severity\` text not null, \`category\` text not null, \`department\` text not null, \`lead\` integer not null, \`status\` text not null, \`round\` integer not null, \`revision\` integer not null, \`escalation_level\` text not null, \`escalations\` integer not null, \`extensions\` integer not null, \`plan\` text null, \`handler_id\` text null, \`resolved_at\` text null, \`resolution\` text null, \`cause\` text null, \`cause_analysis\` text null, \`corrective_action_report\` text null, \`closed_at\` text null, primary key (\`work_order_id\`));`);
    this.addSql(`create index \`work_order_fact_org_id_month_site_id_index\` on \`work_order_fact\` (\`org_id\`, \`month\`, \`site_id\`);`);
    this.addSql(`create index \`work_order_fact_complaint_id_index\` on \`work_order_fact\` (\`complaint_id\`);`);
    this.addSql(`drop table if exists \`complaint_fact\`;`);
    this.addSql(`create table \`complaint_fact\` (\`complaint_id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`area_id\` text not null, \`customer_id\` text null, \`month\` text not null, \`day\` text not null, \`week\` text not null, \`received_at\` text not null, \`valid\` integer not null, \`category\` text not null, \`severity\` text not null, \`channel\` text not null, \`lead_department\` text not null, \`resolved_at_intake\` integer not null, \`repeat\` integer not null, \`resolved_at\` text null, \`closed_at\` text null, \`rounds\` integer not null, \`plan_minutes\` integer null, \`resolve_minutes\` integer null, \`cause\` text null, primary key (\`complaint_id\`));`);
    this.addSql(`create index \`complaint_fact_org_id_month_site_id_index\` on \`complaint_fact\` (\`org_id\`, \`month\`, \`site_id\`);`);
    this.addSql(`create index \`complaint_fact_org_id_day_index\` on \`complaint_fact\` (\`org_id\`, \`day\`);`);
    this.addSql(`drop table if exists \`deadline_fact\`;`);
    this.addSql(`create table \`deadline_fact\` (\`work_order_id\` text not null, \`round\` integer not null, \`clock\` text not null, \`complaint_id\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`area_id\` text not null, \`month\` text not null, \`day\` text not null, \`week\` text not null, \`category\` text not null, \`department\` text not null, \`due_at\` text not null, \`met_at\` text null, \`breached_at\` text null, \`outcome\` text not null, primary key (\`work_order_id\`, \`round\`, \`clock\`));`);
    this.addSql(`create index \`deadline_fact_complaint_id_index\` on \`deadline_fact\` (\`complaint_id\`);`);
    this.addSql(`create index \`deadline_fact_org_id_month_site_id_index\` on \`deadline_fact\` (\`org_id\`, \`month\`, \`site_id\`);`);
  }
}
