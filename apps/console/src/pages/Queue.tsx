import { Button, Card, Grid, List, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { QUEUE } from '../api/ops';
import { Clocks } from '../components/Clocks';
import { useConsole } from '../context';
import { useI18n } from '../i18n/i18n';
import { ENUMS } from '../i18n/messages';
import { NOTIFICATION_EVENT } from '../notifications/sse';

export interface QueueRow {
  id: string;
  siteId: string;
  areaId?: string | null;
  department: string;
  status: string;
  severity: string;
  /** The customer is a key customer (重点客户). */
  keyCustomer?: boolean;
  round: number;
  receivedAt: string;
  closedAt?: string | null;
  handlerId?: string | null;
  overdue: boolean;
  deadlines: {
    clock: string;
    dueAt: string;
    metAt?: string | null;
    breachedAt?: string | null;
    cancelledAt?: string | null;
    round: number;
  }[];
  rounds: { round: number; endedAt: string }[];
  complaint: { id: string; category: string; channel: string; description: string } | null;
}

export const REFRESH_MS = 15_000;

/** Polls a query every REFRESH_MS while the page is open, and at once when a notification arrives (a case of the page moved). */
export function usePolling(reexecute: (o: { requestPolicy: 'network-only' }) => void): void {
  useEffect(() => {
    const again = () => reexecute({ requestPolicy: 'network-only' });
    const id = setInterval(again, REFRESH_MS);
    window.addEventListener(NOTIFICATION_EVENT, again);
    return () => {
      clearInterval(id);
      window.removeEventListener(NOTIFICATION_EVENT, again);
    };
  }, [reexecute]);
}

export function WorkOrderTable({ rows, loading }: { rows: QueueRow[]; loading?: boolean }) {
  const { t, en, at } = useI18n();
  const { siteName, zoneOf, go } = useConsole();
  const narrow = !Grid.useBreakpoint().lg;
  // on a phone or a tablet (below 992 px) each work order is a card: its clocks and the way in, without a sideways scroll
  if (narrow) {
    return (
      <List<QueueRow>
        loading={loading}
        dataSource={rows}
        locale={{ emptyText: t('empty') }}
        renderItem={(r) => (
          <List.Item data-testid={`wo-${r.id}`} data-complaint={r.complaint?.id} style={{ paddingInline: 0 }}>
            <Card size="small" style={{ width: '100%' }}>
              <Space direction="vertical" size={4} style={{ width: '100%' }}>
                <Space wrap size={4}>
                  <Tag color={r.severity === 'MAJOR' ? 'red' : 'blue'}>{en('Severity', r.severity)}</Tag>
                  {r.keyCustomer ? <Tag color="gold">{t('keyCustomer')}</Tag> : null}
                  <Typography.Text strong>{en('Category', r.complaint?.category)}</Typography.Text>
                  <Typography.Text type="secondary">{en('WorkOrderStatus', r.status)}</Typography.Text>
                </Space>
                <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
                  {r.complaint?.description}
                </Typography.Paragraph>
                <Clocks wo={r} />
                <Space style={{ justifyContent: 'space-between', width: '100%' }}>
                  <Typography.Text type="secondary">
                    {siteName(r.siteId)} · {at(r.receivedAt, zoneOf(r.siteId))}
                  </Typography.Text>
                  <Button size="small" type="primary" onClick={() => go(`work-orders/${r.id}`)} data-testid="open-work-order">
                    {t('open')}
                  </Button>
                </Space>
              </Space>
            </Card>
          </List.Item>
        )}
      />
    );
  }
  return (
    <Table<QueueRow>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: t('empty') }}
      onRow={(r) => ({ 'data-testid': `wo-${r.id}`, 'data-complaint': r.complaint?.id }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('severity'),
          dataIndex: 'severity',
          width: 80,
          render: (s: string, r) => (
            <Space size={2} wrap>
              <Tag color={s === 'MAJOR' ? 'red' : 'blue'}>{en('Severity', s)}</Tag>
              {r.keyCustomer ? (
                <Tag color="gold" data-testid="key-customer-flag">
                  {t('keyCustomer')}
                </Tag>
              ) : null}
            </Space>
          ),
        },
        { title: t('category'), render: (_, r) => en('Category', r.complaint?.category) },
        {
          title: t('complaintText'),
          render: (_, r) => (
            <Typography.Text ellipsis style={{ maxWidth: 260 }}>
              {r.complaint?.description}
            </Typography.Text>
          ),
        },
        { title: t('status'), dataIndex: 'status', render: (s: string) => en('WorkOrderStatus', s) },
        { title: t('clocks'), render: (_, r) => <Clocks wo={r} /> },
        { title: t('site'), render: (_, r) => siteName(r.siteId) },
        { title: t('received'), render: (_, r) => at(r.receivedAt, zoneOf(r.siteId)) },
        {
          title: '',
          render: (_, r) => (
            <Button size="small" type="link" onClick={() => go(`work-orders/${r.id}`)} data-testid="open-work-order">
              {t('open')}
            </Button>
          ),
        },
      ]}
    />
  );
}

/** The department's work orders, nearest deadline first, every clock ticking; refreshes every 15 s. */
export function QueuePage() {
  const { t, en } = useI18n();
  const { session, sites } = useConsole();
  const [department, setDepartment] = useState<string | undefined>(session.department);
  const [siteId, setSiteId] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const [overdue, setOverdue] = useState(false);
  const [after, setAfter] = useState<string | undefined>();
  const [more, setMore] = useState<QueueRow[]>([]);
  const vars = { department, siteId, status, overdue: overdue || undefined, first: 20 };
  const [{ data, fetching }, reexecute] = useQuery<{
    workOrders: { edges: { node: QueueRow }[]; pageInfo: { hasNextPage: boolean; endCursor?: string } };
  }>({
    query: QUEUE,
    variables: vars,
  });
  const [{ data: next }] = useQuery<{
    workOrders: { edges: { node: QueueRow }[]; pageInfo: { hasNextPage: boolean; endCursor?: string } };
  }>({
    query: QUEUE,
    variables: { ...vars, after },
    pause: !after,
  });
  usePolling(reexecute);
  useEffect(() => setMore((m) => [...m, ...(next?.workOrders.edges.map((e) => e.node) ?? [])]), [next]);
  useEffect(() => {
    setMore([]);
    setAfter(undefined);
  }, [department, siteId, status, overdue]);
  const rows = [
    ...(data?.workOrders.edges.map((e) => e.node) ?? []),
    ...more.filter((m) => !data?.workOrders.edges.some((e) => e.node.id === m.id)),
  ];
  const page = after ? next?.workOrders.pageInfo : data?.workOrders.pageInfo;
  return (
    <Card
      title={t('queue')}
      size="small"
      extra={
        <Space wrap>
          <Select
            placeholder={t('department')}
            allowClear
            value={department}
            onChange={setDepartment}
            style={{ width: 140 }}
            options={Object.keys(ENUMS.Department).map((d) => ({ value: d, label: en('Department', d) }))}
          />
          <Select
            placeholder={t('site')}
            allowClear
            value={siteId}
            onChange={setSiteId}
            style={{ width: 200 }}
            options={sites.map((s) => ({ value: s.id, label: s.name }))}
          />
          <Select
            placeholder={t('status')}
            allowClear
            value={status}
            onChange={setStatus}
            style={{ width: 140 }}
            options={Object.keys(ENUMS.WorkOrderStatus).map((s) => ({ value: s, label: en('WorkOrderStatus', s) }))}
          />
          <Space>
            <Switch checked={overdue} onChange={setOverdue} size="small" /> {t('overdueOnly')}
          </Space>
          <Button size="small" onClick={() => reexecute({ requestPolicy: 'network-only' })}>
            {t('refresh')}
          </Button>
          <Typography.Text type="secondary">{t('autoRefresh')}</Typography.Text>
        </Space>
      }
    >
      <WorkOrderTable rows={rows} loading={fetching && !data} />
      {page?.hasNextPage && (
        <Button style={{ marginTop: 8 }} onClick={() => setAfter(page.endCursor ?? undefined)}>
          {t('loadMore')}
        </Button>
      )}
    </Card>
  );
}
