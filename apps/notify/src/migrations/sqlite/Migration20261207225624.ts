import { Migration } from '@mikro-orm/migrations';

export class Migration20261207225624 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`notification\` add column \`link\` text null;`);
  }

}
