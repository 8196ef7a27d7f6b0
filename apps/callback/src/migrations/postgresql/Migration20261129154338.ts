import { Migration } from '@mikro-orm/migrations';

export class Migration20261129154338 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "known_staff" ("staff_id" varchar(64) not null, "org_id" varchar(64) not null, "roles" jsonb not null, "department" varchar(32) null, "sites" jsonb not null, "active" boolean not null, constraint "known_staff_pkey" primary key ("staff_id"));`);

    this.addSql(`alter table "callback" add column "handled_by" jsonb not null default '[]';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "known_staff" cascade;`);

    this.addSql(`alter table "callback" drop column "handled_by";`);
  }

}
