import { Migration } from '@mikro-orm/migrations';

export class Migration20261207194010 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "work_order" add column "key_customer" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "work_order" drop column "key_customer";`);
  }

}
