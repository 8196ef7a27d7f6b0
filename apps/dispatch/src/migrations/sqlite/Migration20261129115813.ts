import { Migration } from '@mikro-orm/migrations';

export class Migration20261129115813 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`known_site\` (\`site_id\` text not null, \`org_id\` text not null, \`name\` text not null, \`time_zone\` text not null, primary key (\`site_id\`));`);
    this.addSql(`create index \`known_site_org_id_index\` on \`known_site\` (\`org_id\`);`);

  }

}
