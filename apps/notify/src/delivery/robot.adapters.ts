import { createHmac } from 'node:crypto';
import { DeliveryChannel } from '@pc/contracts';
import { subjectOf, textOf, type ChannelAdapter, type OutgoingMessage, type SendResult } from './channel-adapter';

/** The clock the signatures use (injected so that tests can pin it). */
export type Now = () => Date;

/** DingTalk's signature: URL-encoded Base64 of HMAC-SHA256 keyed by the secret over "<timestamp ms>\n<secret>". */
export function dingTalkSign(timestampMs: number, secret: string): string {
  return encodeURIComponent(createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64'));
}

/** Feishu's signature: Base64 of HMAC-SHA256 keyed by "<timestamp s>\n<secret>" over the empty string. */
export function feishuSign(timestampS: number, secret: string): string {
  return createHmac('sha256', `${timestampS}\n${secret}`).update('').digest('base64');
}

/** A generic webhook's signature: hex HMAC-SHA256 keyed by the secret over "<timestamp s>.<body>". */
export function webhookSign(timestampS: number, body: string, secret: string): string {
  return createHmac('sha256', secret).update(`${timestampS}.${body}`).digest('hex');
}

const TIMEOUT_MS = 10_000;

/** POSTs JSON; the robots answer HTTP 200 with an error code in the body (errcode / code ≠ 0 is a failure). */
async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<SendResult> {
  let res: Response;
  const text = JSON.stringify(body);
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: text,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (e) {
    return { ok: false, error: `unreachable: ${(e as Error).message}` };
  }
  const answer = await res.text();
  if (!res.ok) {
    return { ok: false, error: `HTTP ${res.status}: ${answer.slice(0, 200)}`, permanent: res.status === 404 || res.status === 410 };
  }
  let parsed: { errcode?: number; code?: number; errmsg?: string; msg?: string } = {};
  try {
    parsed = JSON.parse(answer || '{}') as typeof parsed;
  } catch {
    // a webhook may answer with any body: 2xx is success
  }
  const code = parsed.errcode ?? parsed.code ?? 0;
  if (code !== 0) return { ok: false, error: `refused (${code}): ${parsed.errmsg ?? parsed.msg ?? answer.slice(0, 200)}` };
  return { ok: true };
}

const markdown = (m: OutgoingMessage) =>
  m.items.map((i) => `**${i.title}**\n\n${i.body}\n\n[Open in the console](${i.link})`).join('\n\n---\n\n');

/** DingTalk group robot: markdown, signed in the URL. */
export class DingTalkAdapter implements ChannelAdapter {
  readonly channel = DeliveryChannel.DINGTALK;
  constructor(private readonly now: Now = () => new Date()) {}

  send(m: OutgoingMessage): Promise<SendResult> {
    let url = m.to;
    if (m.secret) {
      const ts = this.now().getTime();
      url += `${url.includes('?') ? '&' : '?'}timestamp=${ts}&sign=${dingTalkSign(ts, m.secret)}`;
    }
    return postJson(url, { msgtype: 'markdown', markdown: { title: subjectOf(m), text: markdown(m) } });
  }
}

/** Feishu (Lark) group robot: text, signed in the body. */
export class FeishuAdapter implements ChannelAdapter {
  readonly channel = DeliveryChannel.FEISHU;
  constructor(private readonly now: Now = () => new Date()) {}

  send(m: OutgoingMessage): Promise<SendResult> {
    const body: Record<string, unknown> = { msg_type: 'text', content: { text: `${subjectOf(m)}\n\n${textOf(m)}` } };
    if (m.secret) {
      const ts = Math.floor(this.now().getTime() / 1000);
      body.timestamp = String(ts);
      body.sign = feishuSign(ts, m.secret);
    }
    return postJson(m.to, body);
  }
}

/** WeCom (企业微信) group robot: markdown; the URL carries its key, no signature. */
export class WeComAdapter implements ChannelAdapter {
  readonly channel = DeliveryChannel.WECOM;

  send(m: OutgoingMessage): Promise<SendResult> {
    return postJson(m.to, { msgtype: 'markdown', markdown: { content: markdown(m) } });
  }
}

/** A generic signed webhook: `x-pc-timestamp` and `x-pc-signature: sha256=<hex>` over "<timestamp>.<body>". */
export class WebhookAdapter implements ChannelAdapter {
  readonly channel = DeliveryChannel.WEBHOOK;
  constructor(private readonly now: Now = () => new Date()) {}

  send(m: OutgoingMessage): Promise<SendResult> {
    const payload = { id: m.id, items: m.items };
    const ts = Math.floor(this.now().getTime() / 1000);
    const headers: Record<string, string> = { 'x-pc-timestamp': String(ts) };
    if (m.secret) headers['x-pc-signature'] = `sha256=${webhookSign(ts, JSON.stringify(payload), m.secret)}`;
    return postJson(m.to, payload, headers);
  }
}
