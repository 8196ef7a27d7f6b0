import { Migration } from '@mikro-orm/migrations';

export class Migration20261208032657 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "survey_response" add constraint "survey_response_survey_id_customer_id_unique" unique ("survey_id", "customer_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "survey_response" drop constraint "survey_response_survey_id_customer_id_unique";`);
  }

}
