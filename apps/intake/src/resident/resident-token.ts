import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new link id: 16 random bytes, base64url (22 characters). */
export const newLinkId = (): string => randomBytes(16).toString('base64url');

/**
 * The id of a case's n-th link (n = the links it had before, all revoked): 16 bytes of an HMAC of the
 * case and n, base64url. Two callers making the case's link at once make the same row, so a case has
 * one live link; without the secret it cannot be guessed.
 */
export const caseLinkId = (secret: string, complaintId: string, n: number): string =>
  createHmac('sha256', secret).update(`resident-link-id:${complaintId}:${n}`).digest().subarray(0, 16).toString('base64url');

const mac = (id: string, secret: string): string => createHmac('sha256', secret).update(`resident-link:${id}`).digest('base64url');

/** The link's token: its id and an HMAC of it (the token itself is never stored). */
export const signLink = (id: string, secret: string): string => `${id}.${mac(id, secret)}`;

/** The link id of a well-formed token whose signature holds; null for anything else (forged, cut, altered). */
export function verifyLink(token: string, secret: string): string | null {
  const m = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return null;
  const want = Buffer.from(mac(m[1], secret));
  const got = Buffer.from(m[2]);
  return want.length === got.length && timingSafeEqual(want, got) ? m[1] : null;
}

/** The secret links are signed with: RESIDENT_LINK_SECRET, else one derived from the gateway's or the tokens' secret. */
export const residentLinkSecret = (c: { RESIDENT_LINK_SECRET?: string; GATEWAY_SECRET?: string; AUTH_JWT_SECRET?: string }): string =>
  c.RESIDENT_LINK_SECRET ?? `resident:${c.GATEWAY_SECRET ?? c.AUTH_JWT_SECRET}`;
