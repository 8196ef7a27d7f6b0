import { Migration } from '@mikro-orm/migrations';

export class Migration20261129125733 extends Migration {

  override async up(): Promise<void> {

    this.addSql(`alter table "work_order" add column "cause" varchar(32) null;`);
  }

  override async down(): Promise<void> {

    this.addSql(`alter table "work_order" drop column "cause";`);

  }

}
