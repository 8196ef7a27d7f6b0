import { request as httpRequest } from 'node:http';
import sharp from 'sharp';
import { Role } from '@pc/contracts';
import { DEMO_USERS } from '@pc/intake';
import type { AuthUser } from '@pc/platform';
import type { System } from '@pc/system';

/** Callers, operations and files of the photo specs (issue 29). */
export const user = (sub: string) => DEMO_USERS.find((u) => u.sub === sub)!;
export const site2Only = (u: AuthUser): AuthUser => ({ ...u, sub: `${u.sub}-site2`, sites: ['demo-site-2'] });
export const otherOrg: AuthUser = { sub: 'stranger', org: 'other-org', sites: ['*'], roles: [Role.ADMIN] };
export const FILE = `mutation F($i: FileComplaintInput!) { fileComplaint(input: $i) { id attachments } }`;
export const URL_OF = `query U($k: String!) { attachmentUrl(key: $k) }`;
export const complaintAt = (attachments: string[], site = 'demo-site-1') => ({
  siteId: site,
  customerId: site === 'demo-site-1' ? 'demo-customer-1' : 'demo-customer-3',
  channel: 'PHONE',
  category: 'EQUIPMENT',
  description: 'The lobby door glass is cracked (photo attached).',
  attachments,
});
export const errorOf = (r: { errors?: any[] }) => r.errors?.[0]?.extensions as { code: string; field?: string } | undefined;

/** A real photo: a 1200×900 JPEG with some structure, so that the thumbnail is a real resize. */
export const photo = (): Promise<Buffer> =>
  sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .composite([
      { input: Buffer.from('<svg width="400" height="300"><rect width="400" height="300" fill="#246"/></svg>'), left: 100, top: 100 },
    ])
    .jpeg()
    .toBuffer();
/** An ELF executable's header and some code-like bytes, sent as photo.jpg with image/jpeg. */
export const executable = () => Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(4096, 0x90)]);
export const pdf = () =>
  Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  );

/** A signed URL read the way a browser would: the local store's links are root-relative to the gateway, S3's absolute. */
export async function download(system: System, url: string): Promise<{ status: number; type: string | null; bytes: Buffer }> {
  const res = await fetch(new URL(url, system.gatewayUrl));
  return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
}

/**
 * An upload that declares `declared` bytes and sends only its first 64 KiB, then reads the answer and
 * drops the connection: the gateway must refuse it on the declared length alone. (Sending the whole
 * body with fetch raced the early answer: on a loaded machine the client could see ECONNRESET, and its
 * pool then reused the reset connection for the next request.)
 */
export function declareUpload(system: System, token: string, siteId: string, declared: number): Promise<{ status: number; json: any }> {
  const url = new URL(`/attachments?siteId=${encodeURIComponent(siteId)}`, system.gatewayUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, {
      method: 'POST',
      agent: false,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'multipart/form-data; boundary=declared',
        'content-length': String(declared),
      },
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        req.destroy();
        const text = Buffer.concat(chunks).toString();
        resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : undefined });
      });
    });
    req.on('error', (e) => reject(e));
    req.write(Buffer.alloc(64 * 1024, 1));
  });
}
