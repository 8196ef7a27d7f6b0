import { createTransport, type Transporter } from 'nodemailer';
import { DeliveryChannel } from '@pc/contracts';
import { subjectOf, type ChannelAdapter, type OutgoingMessage, type SendResult } from './channel-adapter';

export type MailLocale = 'zh-CN' | 'en';

const TEMPLATES: Record<MailLocale, { open: string; ack: string; footer: string }> = {
  'zh-CN': { open: '在控制台中打开', ack: '一键确认收到', footer: '此邮件由客户服务系统自动发送，请勿直接回复。' },
  en: {
    open: 'Open in the console',
    ack: 'Acknowledge with one click',
    footer: 'Sent by the customer-service system; do not reply to this e-mail.',
  },
};

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The e-mail's text and HTML in the recipient's language (templates loaded once). */
export function renderMail(m: OutgoingMessage, locale: MailLocale): { subject: string; text: string; html: string } {
  const t = TEMPLATES[locale];
  const text = m.items
    .map((i) => [i.body, `${t.open}: ${i.link}`, i.ackLink ? `${t.ack}: ${i.ackLink}` : ''].filter(Boolean).join('\n'))
    .join('\n\n');
  const html = m.items
    .map(
      (i) =>
        `<h3>${escapeHtml(i.title)}</h3><p>${escapeHtml(i.body)}</p><p><a href="${escapeHtml(i.link)}">${t.open}</a>` +
        (i.ackLink ? ` · <a href="${escapeHtml(i.ackLink)}">${t.ack}</a>` : '') +
        '</p>',
    )
    .join('<hr>');
  return { subject: subjectOf(m), text: `${text}\n\n${t.footer}`, html: `${html}<p><small>${t.footer}</small></p>` };
}

/** E-mail through nodemailer over SMTP_URL (`smtp://[user:password@]host:port`, a pool of up to 4 connections), from SMTP_FROM. */
export class EmailAdapter implements ChannelAdapter {
  readonly channel = DeliveryChannel.EMAIL;
  private readonly transport?: Transporter;

  constructor(
    smtpUrl: string | undefined,
    private readonly from: string,
    private readonly locale: MailLocale = 'zh-CN',
  ) {
    // pooled: a burst goes over a few open connections instead of a new SMTP session per mail
    this.transport = smtpUrl ? createTransport({ url: smtpUrl, pool: true, maxConnections: 4, maxMessages: 500 }) : undefined;
  }

  async send(m: OutgoingMessage): Promise<SendResult> {
    if (!this.transport) return { ok: false, error: 'no SMTP server configured (SMTP_URL)', permanent: true };
    const mail = renderMail(m, this.locale);
    try {
      // the message id is the delivery's: a receiver that sees it twice (a crash after sending) can drop the repeat
      const info = (await this.transport.sendMail({ from: this.from, to: m.to, messageId: `<${m.id}@notify.property-care>`, ...mail })) as {
        messageId?: string;
      };
      return { ok: true, providerId: info.messageId };
    } catch (e) {
      const err = e as Error & { responseCode?: number };
      return {
        ok: false,
        error: err.message,
        permanent: typeof err.responseCode === 'number' && err.responseCode >= 500 && err.responseCode < 600,
      };
    }
  }

  close(): void {
    this.transport?.close();
  }
}
