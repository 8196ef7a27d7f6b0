import { Migration } from '@mikro-orm/migrations';

export class Migration20261129154338 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`known_staff\` (\`staff_id\` text not null, \`org_id\` text not null, \`roles\` json not null, \`department\` text null, \`sites\` json not null, \`active\` integer not null, primary key (\`staff_id\`));`);

    this.addSql(`create table \`work_order_round\` (\`id\` text not null, \`work_order_id\` text not null, \`round\` integer not null, \`plan\` text null, \`plan_written_by\` text null, \`plan_signed_off_by\` text null, \`plan_signed_off_at\` datetime null, \`handler_id\` text null, \`resolved_at\` datetime null, \`resolved_by\` text null, \`resolution\` text null, \`cause\` text null, \`cause_analysis\` text null, \`preventive_action\` text null, \`corrective_action_report\` text null, \`confirmed_at\` datetime null, \`ended_by\` text not null, \`ended_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`work_order_round_work_order_id_round_unique\` on \`work_order_round\` (\`work_order_id\`, \`round\`);`);
  }

}
