import { Migration } from '@mikro-orm/migrations';

export class Migration20261129154338 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`known_staff\` (\`staff_id\` text not null, \`org_id\` text not null, \`roles\` json not null, \`department\` text null, \`sites\` json not null, \`active\` integer not null, primary key (\`staff_id\`));`);

    this.addSql(`alter table \`callback\` add column \`handled_by\` json not null default '[]';`);
  }

}
