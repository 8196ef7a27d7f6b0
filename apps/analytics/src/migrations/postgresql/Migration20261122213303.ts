import { Migration } from '@mikro-orm/migrations';

export class Migration20261122213303 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "complaint_fact" add column "valid" boolean null, add column "resolved_at_intake" boolean null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "complaint_fact" drop column "valid", drop column "resolved_at_intake";`);
  }

}
