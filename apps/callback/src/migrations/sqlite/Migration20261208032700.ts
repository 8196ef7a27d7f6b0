import { Migration } from '@mikro-orm/migrations';

export class Migration20261208032700 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create unique index \`survey_response_survey_id_customer_id_unique\` on \`survey_response\` (\`survey_id\`, \`customer_id\`);`);
  }

}
