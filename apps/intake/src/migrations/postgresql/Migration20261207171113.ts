import { Migration } from '@mikro-orm/migrations';

/** Issue 29: the attachment store's record of the files it issued (organisation, site, type, size, thumbnail, case). */
export class Migration20261207171113 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "attachment" ("key" varchar(200) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "content_type" varchar(64) not null, "size" bigint not null, "thumbnail_key" varchar(200) null, "uploaded_by" varchar(64) not null, "uploaded_at" timestamptz not null, "complaint_id" varchar(64) null, constraint "attachment_pkey" primary key ("key"));`);
    this.addSql(`create index "attachment_org_id_uploaded_at_index" on "attachment" ("org_id", "uploaded_at");`);
    this.addSql(`create index "attachment_thumbnail_key_index" on "attachment" ("thumbnail_key");`);
    this.addSql(`create index "attachment_complaint_id_index" on "attachment" ("complaint_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "attachment" cascade;`);
  }
}
