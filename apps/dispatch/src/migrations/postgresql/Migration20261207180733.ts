import { Migration } from '@mikro-orm/migrations';

/** Issue 29: the keys intake's store issued (attachment.uploaded), and photos on progress notes. */
export class Migration20261207180733 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "known_attachment" ("key" varchar(200) not null, "org_id" varchar(64) not null, "site_id" varchar(64) not null, "uploaded_by" varchar(64) not null, "uploaded_at" timestamptz not null, "work_order_id" varchar(64) null, constraint "known_attachment_pkey" primary key ("key"));`);
    this.addSql(`create index "known_attachment_work_order_id_index" on "known_attachment" ("work_order_id");`);
    this.addSql(`alter table "progress_note" add column "attachments" jsonb not null default '[]';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "known_attachment" cascade;`);
    this.addSql(`alter table "progress_note" drop column "attachments";`);
  }
}
