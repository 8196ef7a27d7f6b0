import { DeliveryChannel } from '@pc/contracts';
import type { ChannelAdapter, OutgoingMessage, SendResult } from './channel-adapter';

/**
 * SMS through one HTTP provider (SMS_URL): POST JSON `{ phone, templateId, params }` with
 * `Authorization: Bearer SMS_API_KEY`; 2xx with `code` 0 (or none) is success. A provider with
 * another shape gets its own adapter behind the same interface.
 */
export class SmsAdapter implements ChannelAdapter {
  readonly channel = DeliveryChannel.SMS;
  constructor(
    private readonly url: string | undefined,
    private readonly apiKey: string | undefined,
    private readonly templateId: string,
  ) {}

  async send(m: OutgoingMessage): Promise<SendResult> {
    if (!this.url) return { ok: false, error: 'no SMS provider configured (SMS_URL)', permanent: true };
    const first = m.items[0];
    try {
      const res = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(this.apiKey ? { authorization: `Bearer ${this.apiKey}` } : {}) },
        body: JSON.stringify({
          phone: m.to,
          templateId: this.templateId,
          params: { title: first.title, count: m.items.length, link: first.link },
        }),
        signal: AbortSignal.timeout(10_000),
      });
      const body = (await res.json().catch(() => ({}))) as { code?: number; message?: string; id?: string };
      if (!res.ok || (body.code ?? 0) !== 0) return { ok: false, error: `SMS provider: HTTP ${res.status} ${body.message ?? ''}`.trim() };
      return { ok: true, providerId: body.id };
    } catch (e) {
      return { ok: false, error: `SMS provider unreachable: ${(e as Error).message}` };
    }
  }
}
