import type { DeliveryChannel } from '@pc/contracts';

/** One item of an outgoing message (several make a digest). Case number, kind, site, deadline: no personal data. */
export interface MessageItem {
  title: string;
  body: string;
  /** Deep link into the console. */
  link: string;
  /** One-click signed acknowledge link (e-mail), when the message must be acknowledged. */
  ackLink?: string;
}

/** What one adapter sends: one post, one e-mail or one SMS, carrying one or more items. */
export interface OutgoingMessage {
  channel: DeliveryChannel;
  /** An e-mail address, a phone number or a robot's webhook URL. */
  to: string;
  /** The robot's or webhook's signing secret. */
  secret?: string | null;
  /** A stable id (the first delivery's): receivers may drop a repeat with it. */
  id: string;
  items: MessageItem[];
}

export interface SendResult {
  ok: boolean;
  providerId?: string;
  error?: string;
  /** A failure that retrying cannot fix (an address refused, a robot's key unknown): parked at once. */
  permanent?: boolean;
}

/** A channel behind one interface (style.md: one small class per channel, composed by the delivery use case). */
export interface ChannelAdapter {
  readonly channel: DeliveryChannel;
  send(message: OutgoingMessage): Promise<SendResult>;
}

/** The title of a message: the item's own, or a digest's count. */
export const subjectOf = (m: OutgoingMessage): string =>
  m.items.length === 1 ? m.items[0].title : `${m.items.length} notifications (digest): ${m.items[0].title} …`;

/** Plain text of a message, one item a paragraph. */
export const textOf = (m: OutgoingMessage): string =>
  m.items.map((i) => [i.body, `Open: ${i.link}`, i.ackLink ? `Acknowledge: ${i.ackLink}` : ''].filter(Boolean).join('\n')).join('\n\n');
