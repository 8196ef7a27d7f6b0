import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { System } from '@pc/system';
import { storeSuite } from './attachments/store-suite';

/**
 * Issue 29, "photos for real": `POST /attachments` through the gateway, the keys a complaint may
 * carry, `attachmentUrl` for those who may see the case, with the local store (the S3 run:
 * attachments-s3.integration-spec.ts). Real: every service, the gateway, PostgreSQL,
 * NATS JetStream. Mocked: nothing.
 */
storeSuite(
  'the local store (ATTACHMENT_STORE=local, npm start)',
  () => System.start({ env: { ...process.env, HOUSEKEEPING_MS: '500' } }),
  (s) => {
    const dir = join(s.config.DATA_DIR, 'attachments');
    const walk = (d: string, prefix = ''): string[] =>
      readdirSync(d, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(join(d, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
      );
    try {
      return Promise.resolve(walk(dir));
    } catch {
      return Promise.resolve([]);
    }
  },
);
