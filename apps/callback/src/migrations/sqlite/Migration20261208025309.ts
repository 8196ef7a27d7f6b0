import { Migration } from '@mikro-orm/migrations';

export class Migration20261208025309 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`survey_public_answer\` (\`id\` text not null, \`org_id\` text not null, \`campaign_key\` text not null, \`survey_id\` text not null, \`site_ids\` json not null, \`title\` text not null, \`body\` text not null, \`channels\` json not null, \`approved_by\` text not null, \`published_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`survey_public_answer_org_id_campaign_key_unique\` on \`survey_public_answer\` (\`org_id\`, \`campaign_key\`);`);
  }

}
