import { Migration } from '@mikro-orm/migrations';

export class Migration20261122213304 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`complaint_fact\` add column \`valid\` integer null;`);
    this.addSql(`alter table \`complaint_fact\` add column \`resolved_at_intake\` integer null;`);
  }

}
