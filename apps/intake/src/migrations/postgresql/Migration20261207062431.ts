import { Migration } from '@mikro-orm/migrations';

/** Staff e-mail addresses (notify e-mails them). Only this column: the generator's jsonb default drift is left alone. */
export class Migration20261207062431 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "staff_user" add column "email" varchar(254) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "staff_user" drop column "email";`);
  }
}
