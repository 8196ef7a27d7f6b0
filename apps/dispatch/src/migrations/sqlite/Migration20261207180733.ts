import { Migration } from '@mikro-orm/migrations';

/** Issue 29: the keys intake's store issued (attachment.uploaded), and photos on progress notes. */
export class Migration20261207180733 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`known_attachment\` (\`key\` text not null, \`org_id\` text not null, \`site_id\` text not null, \`uploaded_by\` text not null, \`uploaded_at\` datetime not null, \`work_order_id\` text null, primary key (\`key\`));`);
    this.addSql(`create index \`known_attachment_work_order_id_index\` on \`known_attachment\` (\`work_order_id\`);`);
    this.addSql(`alter table \`progress_note\` add column \`attachments\` json not null default '[]';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`known_attachment\`;`);
    this.addSql(`alter table \`progress_note\` drop column \`attachments\`;`);
  }
}
