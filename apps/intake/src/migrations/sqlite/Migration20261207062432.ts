import { Migration } from '@mikro-orm/migrations';

/** Staff e-mail addresses (notify e-mails them). Only this column: the generator's table rebuilds for json defaults are left alone. */
export class Migration20261207062432 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`staff_user\` add column \`email\` text null;`);
  }
}
