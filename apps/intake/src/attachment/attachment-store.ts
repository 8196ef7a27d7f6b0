import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { ServiceConfig } from '@pc/platform';
import { ACCEPTED_TYPES, parseKey } from './attachment-keys';

/** Where files are kept; one interface for the local disk and any S3-compatible store. */
export abstract class AttachmentStore {
  abstract readonly kind: 'local' | 's3';
  abstract put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** Deletes the files (a missing one is not an error). */
  abstract remove(keys: string[]): Promise<void>;
  /** A URL that reads the file until `ttlSeconds` from `now`, for anyone who holds it. */
  abstract signedUrl(key: string, ttlSeconds: number, now: Date): Promise<string>;
  /** Lets go of connections at shutdown. */
  close(): void {}
}

/** The type a key's extension stands for (keys are issued only for accepted types). */
export function contentTypeOfKey(key: string): string {
  if (key.endsWith('.thumb.webp')) return 'image/webp';
  const ext = key.slice(key.lastIndexOf('.') + 1);
  return Object.entries(ACCEPTED_TYPES).find(([, e]) => e === ext)?.[0] ?? 'application/octet-stream';
}

/**
 * Files under a directory of the data dir (`npm start`, one machine). Reads go through the gateway's
 * `GET /attachments/file?key&expires&signature`, an HMAC-signed, expiring link this store checks; the
 * link is root-relative, so that it works on whatever address the caller reached the gateway at.
 */
export class LocalAttachmentStore extends AttachmentStore {
  readonly kind = 'local' as const;

  constructor(
    private readonly dir: string,
    private readonly secret: string,
  ) {
    super();
  }

  private path(key: string): string {
    if (!parseKey(key)) throw new Error(`not a key of this store: ${key}`);
    return join(this.dir, key);
  }

  async put(key: string, body: Buffer, _contentType: string): Promise<void> {
    const file = this.path(key);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, body, { flag: 'wx' });
  }

  async remove(keys: string[]): Promise<void> {
    await Promise.all(keys.map((k) => rm(this.path(k), { force: true })));
  }

  private signature(key: string, expires: number): string {
    return createHmac('sha256', this.secret).update(`${key}\n${expires}`).digest('base64url');
  }

  signedUrl(key: string, ttlSeconds: number, now: Date): Promise<string> {
    const expires = Math.floor(now.getTime() / 1000) + ttlSeconds;
    const q = new URLSearchParams({ key, expires: String(expires), signature: this.signature(key, expires) });
    return Promise.resolve(`/attachments/file?${q.toString()}`);
  }

  /** The file of a signed link still valid at `now`, or why not. */
  open(key: string, expires: string, signature: string, now: Date): { stream: ReadStream; contentType: string } | { refused: string } {
    const exp = Number(expires);
    if (!parseKey(key) || !Number.isInteger(exp)) return { refused: 'not a link of this store' };
    const want = Buffer.from(this.signature(key, exp));
    const got = Buffer.from(String(signature));
    if (want.length !== got.length || !timingSafeEqual(want, got)) return { refused: 'the link is not valid' };
    if (exp * 1000 < now.getTime()) return { refused: 'the link has expired: ask for a new one' };
    return { stream: createReadStream(this.path(key)), contentType: contentTypeOfKey(key) };
  }
}

export interface S3Settings {
  endpoint?: string;
  /** Where browsers reach the store, when not at `endpoint` (a link is signed for the host it names). */
  publicEndpoint?: string;
  bucket: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
}

/** Any S3-compatible store (MinIO in deploy/, AWS S3) through the official SDK v3; reads are presigned GETs. */
export class S3AttachmentStore extends AttachmentStore {
  readonly kind = 's3' as const;
  private readonly client: S3Client;
  /** Signs the links: the same store, named by the endpoint browsers reach. */
  private readonly signer: S3Client;
  private ready?: Promise<void>;

  constructor(private readonly s: S3Settings) {
    super();
    const client = (endpoint: string | undefined) =>
      new S3Client({
        endpoint,
        region: s.region,
        // MinIO and most S3-compatible servers address buckets by path, not by host name
        forcePathStyle: Boolean(endpoint),
        credentials: s.accessKeyId && s.secretAccessKey ? { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey } : undefined,
      });
    this.client = client(s.endpoint);
    this.signer = s.publicEndpoint && s.publicEndpoint !== s.endpoint ? client(s.publicEndpoint) : this.client;
  }

  /** The bucket exists (created on first use when the credentials may: a fresh MinIO). */
  private bucket(): Promise<void> {
    this.ready ??= this.client.send(new HeadBucketCommand({ Bucket: this.s.bucket })).then(
      () => undefined,
      async () => {
        await this.client.send(new CreateBucketCommand({ Bucket: this.s.bucket }));
      },
    );
    this.ready.catch(() => (this.ready = undefined));
    return this.ready;
  }

  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    await this.bucket();
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.s.bucket,
        Key: key,
        Body: body,
        ContentType: contentType,
        ContentMD5: createHash('md5').update(body).digest('base64'),
      }),
    );
  }

  async remove(keys: string[]): Promise<void> {
    await Promise.all(keys.map((k) => this.client.send(new DeleteObjectCommand({ Bucket: this.s.bucket, Key: k }))));
  }

  signedUrl(key: string, ttlSeconds: number): Promise<string> {
    return getSignedUrl(this.signer, new GetObjectCommand({ Bucket: this.s.bucket, Key: key }), { expiresIn: ttlSeconds });
  }

  override close(): void {
    this.client.destroy();
    if (this.signer !== this.client) this.signer.destroy();
  }
}

/** The store the config names. */
export function attachmentStoreFor(config: ServiceConfig): AttachmentStore {
  if (config.ATTACHMENT_STORE === 's3') {
    return new S3AttachmentStore({
      endpoint: config.S3_ENDPOINT,
      publicEndpoint: config.S3_PUBLIC_ENDPOINT,
      bucket: config.S3_BUCKET as string,
      region: config.S3_REGION,
      accessKeyId: config.S3_ACCESS_KEY_ID,
      secretAccessKey: config.S3_SECRET_ACCESS_KEY,
    });
  }
  const secret = config.ATTACHMENT_URL_SECRET ?? config.GATEWAY_SECRET ?? config.AUTH_JWT_SECRET;
  // a key of its own when no secret is configured (a JWKS-only development setup): links then last one process
  const key = secret ? createHash('sha256').update(`attachments\n${secret}`).digest('hex') : randomBytes(32).toString('hex');
  return new LocalAttachmentStore(join(config.DATA_DIR, 'attachments'), key);
}
