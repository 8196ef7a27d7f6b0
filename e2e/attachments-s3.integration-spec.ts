import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { System, freePort } from '@pc/system';
import { storeSuite } from './attachments/store-suite';

/**
 * Issue 29, "photos for real", the rules of `attachments/store-suite.ts` against a real S3 HTTP API:
 * s3rver, started here on its own port with its own directory. Real: every service, the gateway,
 * PostgreSQL, NATS JetStream. Mocked: nothing.
 */
let s3: S3rver | undefined;
let s3Dir: string | undefined;
let s3Url = '';
const BUCKET = 'pc-attachments';
const s3Client = () =>
  new S3Client({
    endpoint: s3Url,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });

storeSuite(
  'an S3 store (ATTACHMENT_STORE=s3, s3rver on its own port)',
  async () => {
    const port = await freePort();
    s3Dir = mkdtempSync(join(tmpdir(), 'pc-s3rver-'));
    s3 = new S3rver({ port, address: '127.0.0.1', directory: s3Dir, silent: true });
    await s3.run();
    s3Url = `http://127.0.0.1:${port}`;
    return System.start({
      env: {
        ...process.env,
        HOUSEKEEPING_MS: '500',
        ATTACHMENT_STORE: 's3',
        S3_ENDPOINT: s3Url,
        S3_BUCKET: BUCKET,
        S3_REGION: 'us-east-1',
        S3_ACCESS_KEY_ID: 'S3RVER',
        S3_SECRET_ACCESS_KEY: 'S3RVER',
      },
    });
  },
  async () => {
    const client = s3Client();
    try {
      const out = await client.send(new ListObjectsV2Command({ Bucket: BUCKET })).catch(() => ({ Contents: [] }));
      return (out.Contents ?? []).map((o) => o.Key!);
    } finally {
      client.destroy();
    }
  },
);

afterAll(async () => {
  await s3?.close();
  if (s3Dir) rmSync(s3Dir, { recursive: true, force: true });
});
