import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * One-click acknowledge links in e-mail: `<notification id>.<recipient>.<expiry s>.<hmac>`, signed
 * with NOTIFY_LINK_SECRET (or a key derived from AUTH_JWT_SECRET). A link acknowledges only the one
 * message to the one recipient it was made for, and only until it expires.
 */
export class AckLinks {
  private readonly key: Buffer;

  constructor(
    secret: string,
    private readonly ttlHours: number,
  ) {
    this.key = createHash('sha256').update(`notify-ack-link:${secret}`).digest();
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }

  token(notificationId: string, recipientId: string, now: Date): string {
    const exp = Math.floor(now.getTime() / 1000) + this.ttlHours * 3600;
    const payload = `${Buffer.from(notificationId).toString('base64url')}.${Buffer.from(recipientId).toString('base64url')}.${exp}`;
    return `${payload}.${this.mac(payload)}`;
  }

  /** The message and recipient a token names; a reason when it is forged, malformed or expired. */
  verify(token: string, now: Date): { notificationId: string; recipientId: string } | { error: string } {
    const parts = token.split('.');
    if (parts.length !== 4) return { error: 'malformed link' };
    const payload = parts.slice(0, 3).join('.');
    const expected = Buffer.from(this.mac(payload));
    const given = Buffer.from(parts[3]);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { error: 'the link is not valid' };
    if (Number(parts[2]) * 1000 < now.getTime()) return { error: 'the link has expired: acknowledge in the console' };
    return { notificationId: Buffer.from(parts[0], 'base64url').toString(), recipientId: Buffer.from(parts[1], 'base64url').toString() };
  }
}
