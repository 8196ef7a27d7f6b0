import { Migration } from '@mikro-orm/migrations';

export class Migration20261207071231 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`roster_check\` (\`site_id\` text not null, \`org_id\` text not null, \`next_check_at\` datetime not null, primary key (\`site_id\`));`);
    this.addSql(`create index \`roster_check_next_check_at_index\` on \`roster_check\` (\`next_check_at\`);`);
  }

}
