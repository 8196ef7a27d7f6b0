import { Migration } from '@mikro-orm/migrations';

export class Migration20261129132645 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`work_order\` add column \`revision\` integer not null default 0;`);
  }
}
