import { Migration } from '@mikro-orm/migrations';

export class Migration20261129115813 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "known_site" ("site_id" varchar(64) not null, "org_id" varchar(64) not null, "name" varchar(200) not null, "time_zone" varchar(64) not null, constraint "known_site_pkey" primary key ("site_id"));`);
    this.addSql(`create index "known_site_org_id_index" on "known_site" ("org_id");`);


  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "known_site" cascade;`);


  }

}
