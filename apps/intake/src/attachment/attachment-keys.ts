import { randomUUID } from 'node:crypto';
import { ATTACHMENT_KEY } from '@pc/contracts';

export { ATTACHMENT_KEY };

/** What `POST /attachments` accepts, by the type read from the bytes (never the name), and the key's extension. */
export const ACCEPTED_TYPES: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'image/heif': 'heif',
  'application/pdf': 'pdf',
};

export const ACCEPTED_DESCRIPTION = 'JPEG, PNG, WebP or HEIC images and PDF';

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export interface ParsedKey {
  orgId: string;
  siteId: string;
  id: string;
  thumbnail: boolean;
}

/** A key of this store (`<org>/<site>/<uuid>.<ext>`, a thumbnail `<org>/<site>/<uuid>.thumb.webp`), or undefined. */
export function parseKey(key: string): ParsedKey | undefined {
  const m = ATTACHMENT_KEY.exec(key);
  if (!m) return undefined;
  return { orgId: m[1], siteId: m[2], id: m[3], thumbnail: m[4] === '.thumb.webp' };
}

/** A new random key for a file of an organisation's site; undefined when an id cannot be part of a key. */
export function newKeys(orgId: string, siteId: string, contentType: string): { key: string; thumbnailKey: string } | undefined {
  const ext = ACCEPTED_TYPES[contentType];
  if (!ext || !SEGMENT.test(orgId) || !SEGMENT.test(siteId)) return undefined;
  const base = `${orgId}/${siteId}/${randomUUID()}`;
  return { key: `${base}.${ext}`, thumbnailKey: `${base}.thumb.webp` };
}
