import { BellOutlined } from '@ant-design/icons';
import { App, Badge, Button, Drawer, Empty, List, Space, Switch, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ACKNOWLEDGE_NOTIFICATION, MARK_READ, MY_NOTIFICATIONS, UNREAD_COUNT } from '../api/ops';
import { errorsOf, mapServerErrors } from '../api/errors';
import { useConsole } from '../context';
import { useI18n } from '../i18n/i18n';
import { NOTIFICATION_EVENT, followNotifications } from './sse';

export interface NotificationRow {
  id: string;
  kind: string;
  title: string;
  body: string;
  siteId: string;
  complaintId?: string | null;
  createdAt: string;
  readAt?: string | null;
  ackRequired: boolean;
  ackDueAt?: string | null;
  acknowledgedAt?: string | null;
}

const URGENT = new Set(['MAJOR_COMPLAINT', 'EMERGENCY', 'DEADLINE_BREACHED', 'UNACKNOWLEDGED']);

/**
 * The header's bell (domain.md §6): the unread count, live over the notification stream (a toast per
 * new message); the list in a drawer, where a message is acknowledged or marked read in one click.
 * A new message also raises a window event, on which the queue pages refresh at once.
 */
export function NotificationBell({ onUnauthenticated }: { onUnauthenticated: () => void }) {
  const i18n = useI18n();
  const { t, en, at } = i18n;
  const { session, siteName, zoneOf } = useConsole();
  const { notification, message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [live, setLive] = useState(true);
  const [{ data: count }, recount] = useQuery<{ myUnreadCount: number }>({ query: UNREAD_COUNT });
  const [{ data: list, fetching }, relist] = useQuery<{ myNotifications: { edges: { node: NotificationRow }[] } }>({
    query: MY_NOTIFICATIONS,
    variables: { first: 30, unreadOnly },
    pause: !open,
  });
  const [, acknowledge] = useMutation(ACKNOWLEDGE_NOTIFICATION);
  const [, markRead] = useMutation(MARK_READ);
  const refresh = useCallback(() => {
    recount({ requestPolicy: 'network-only' });
    if (open) relist({ requestPolicy: 'network-only' });
  }, [recount, relist, open]);

  useEffect(
    () =>
      followNotifications<NotificationRow>(
        session.token,
        (n) => {
          notification.open({
            key: n.id,
            message: <span data-testid="toast">{n.title}</span>,
            description: n.body,
            duration: URGENT.has(n.kind) ? 0 : 6,
            placement: 'bottomRight',
          });
          window.dispatchEvent(new CustomEvent(NOTIFICATION_EVENT, { detail: n }));
          refresh();
        },
        { onState: setLive, onUnauthenticated },
      ),
    [session.token, refresh],
  );

  const act = async (run: () => Promise<{ error?: Parameters<typeof errorsOf>[0] }>) => {
    const { error } = await run();
    if (error) {
      for (const m of mapServerErrors(errorsOf(error), [], i18n).general) void message.error(m);
      return;
    }
    refresh();
  };
  const rows = list?.myNotifications.edges.map((e) => e.node) ?? [];
  const unread = count?.myUnreadCount ?? 0;
  return (
    <>
      <Badge count={unread} size="small" dot={!live && unread === 0} status={live ? undefined : 'warning'}>
        <Button
          size="small"
          icon={<BellOutlined />}
          onClick={() => setOpen(true)}
          data-testid="bell"
          aria-label={t('notifications')}
          title={live ? t('notifications') : t('liveOff')}
        >
          <span data-testid="bell-count" hidden>
            {unread}
          </span>
        </Button>
      </Badge>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={t('notifications')}
        width={440}
        extra={
          <Space>
            <Switch size="small" checked={unreadOnly} onChange={setUnreadOnly} /> {t('unreadOnly')}
            <Button
              size="small"
              data-testid="read-all"
              disabled={!rows.some((n) => !n.readAt)}
              onClick={() => void act(() => markRead({ ids: rows.filter((n) => !n.readAt).map((n) => n.id) }))}
            >
              {t('markAllRead')}
            </Button>
          </Space>
        }
      >
        <List<NotificationRow>
          loading={fetching && !list}
          dataSource={rows}
          locale={{ emptyText: <Empty description={t('noNotifications')} /> }}
          renderItem={(n) => (
            <List.Item
              data-testid="notification"
              data-id={n.id}
              data-kind={n.kind}
              data-read={n.readAt ? 'yes' : 'no'}
              actions={[
                n.ackRequired && !n.acknowledgedAt ? (
                  <Button key="ack" type="primary" size="small" data-testid="ack" onClick={() => void act(() => acknowledge({ id: n.id }))}>
                    {t('acknowledge')}
                  </Button>
                ) : null,
                !n.readAt && !(n.ackRequired && !n.acknowledgedAt) ? (
                  <Button key="read" size="small" data-testid="read" onClick={() => void act(() => markRead({ ids: [n.id] }))}>
                    {t('markRead')}
                  </Button>
                ) : null,
              ].filter(Boolean)}
            >
              <List.Item.Meta
                title={
                  <Space size={4} wrap>
                    {!n.readAt && <Badge status="processing" />}
                    <Tag color={URGENT.has(n.kind) ? 'red' : 'blue'}>{en('NotificationKind', n.kind)}</Tag>
                    <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                  </Space>
                }
                description={
                  <Space direction="vertical" size={0}>
                    <span>{n.body}</span>
                    <Typography.Text type="secondary">
                      {siteName(n.siteId)} · {at(n.createdAt, zoneOf(n.siteId))}
                      {n.ackRequired && !n.acknowledgedAt && n.ackDueAt ? ` · ${t('ackBy')} ${at(n.ackDueAt, zoneOf(n.siteId))}` : ''}
                      {n.acknowledgedAt ? ` · ${t('acknowledged')} ${at(n.acknowledgedAt, zoneOf(n.siteId))}` : ''}
                    </Typography.Text>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </Drawer>
    </>
  );
}
