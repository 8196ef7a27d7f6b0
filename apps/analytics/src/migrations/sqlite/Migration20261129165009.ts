import { Migration } from '@mikro-orm/migrations';

export class Migration20261129165009 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index \`inbox_message_processed_at_index\` on \`inbox_message\` (\`processed_at\`);`);
  }

}
