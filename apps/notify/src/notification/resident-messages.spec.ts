import { DeliveryChannel, DeliveryStatus, NotificationKind, type ResidentMessageRequestedV1 } from '@pc/contracts';
import { quietHoursOf, residentGroup, residentMessageRows } from './resident-messages';

const message = (over: Partial<ResidentMessageRequestedV1> = {}): ResidentMessageRequestedV1 => ({
  orgId: 'o',
  siteId: 's',
  sourceKey: 'notice:n1:0',
  noticeId: 'n1',
  title: 'Water off',
  body: 'Building 1, 9:00-12:00',
  recipients: [
    { customerId: 'c1', phone: '13800000001' },
    { customerId: 'c2', phone: '13800000002' },
  ],
  siteChannels: [DeliveryChannel.WECOM],
  at: '2026-12-07T02:00:00Z',
  ...over,
});
const robots = [
  { id: 'r1', channel: DeliveryChannel.WECOM, kinds: [NotificationKind.RESIDENT_MESSAGE] },
  { id: 'r2', channel: DeliveryChannel.WECOM, kinds: [NotificationKind.NOTICE] },
  { id: 'r3', channel: DeliveryChannel.DINGTALK, kinds: [NotificationKind.RESIDENT_MESSAGE] },
];
const quiet = quietHoursOf('21:00-08:00');
const at = (iso: string) => new Date(iso);

describe('domain.md §7 notices and links reach residents through notify', () => {
  it('rule: one message per resident with an SMS to their number, and one post to each chosen group robot that takes resident messages', () => {
    const { notifications, deliveries } = residentMessageRows(
      message(),
      at('2026-12-07T02:00:00Z'),
      'Asia/Shanghai',
      new Set(),
      robots,
      quiet,
    );
    expect(notifications.map((n) => n.recipientId)).toEqual(['customer:c1', 'customer:c2', residentGroup('s')]);
    expect(notifications.every((n) => n.kind === NotificationKind.RESIDENT_MESSAGE && !n.ackRequired)).toBe(true);
    expect(deliveries.map((d) => [d.channel, d.target, d.status])).toEqual([
      [DeliveryChannel.SMS, 'phone:13800000001', DeliveryStatus.PENDING],
      [DeliveryChannel.SMS, 'phone:13800000002', DeliveryStatus.PENDING],
      // the staff-only robot (NOTICE) and the DingTalk robot (not chosen) get nothing
      [DeliveryChannel.WECOM, 'site-channel:r1', DeliveryStatus.PENDING],
    ]);
  });

  it('rule: a case link goes to its customer only, never to a group', () => {
    const link = message({
      sourceKey: 'case-link:x:FILED',
      siteChannels: [],
      recipients: [{ customerId: 'c1', phone: '1' }],
      link: 'https://x/r/t',
    });
    const { notifications, deliveries } = residentMessageRows(link, at('2026-12-07T02:00:00Z'), 'Asia/Shanghai', new Set(), robots, quiet);
    expect(notifications.map((n) => [n.recipientId, n.link])).toEqual([['customer:c1', 'https://x/r/t']]);
    expect(deliveries.map((d) => d.target)).toEqual(['phone:1']);
  });

  it('rule: once per source and recipient — a redelivered message or a part sent again adds nothing', () => {
    const told = new Set(['customer:c1', residentGroup('s')]);
    const { notifications, deliveries } = residentMessageRows(message(), at('2026-12-07T02:00:00Z'), 'Asia/Shanghai', told, robots, quiet);
    expect(notifications.map((n) => n.recipientId)).toEqual(['customer:c2']);
    expect(deliveries).toHaveLength(1);
  });

  it("rule: residents are not texted in the quiet hours (the site's time): the SMS waits until they end; robots post at once", () => {
    // 23:30 in Shanghai
    const night = at('2026-12-07T15:30:00Z');
    const { deliveries } = residentMessageRows(message(), night, 'Asia/Shanghai', new Set(), robots, quiet);
    expect(deliveries.filter((d) => d.channel === DeliveryChannel.SMS).map((d) => d.nextAttemptAt.toISOString())).toEqual([
      '2026-12-08T00:00:00.000Z',
      '2026-12-08T00:00:00.000Z',
    ]);
    expect(deliveries.find((d) => d.channel === DeliveryChannel.WECOM)?.nextAttemptAt).toEqual(night);
    expect(quietHoursOf('none')).toBeNull();
    const anyTime = residentMessageRows(message(), night, 'Asia/Shanghai', new Set(), robots, null);
    expect(anyTime.deliveries.every((d) => d.nextAttemptAt.getTime() === night.getTime())).toBe(true);
  });
});
