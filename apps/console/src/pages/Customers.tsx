import { App, Button, Card, Descriptions, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { errorsOf } from '../api/errors';
import { CUSTOMER_FILE, SEARCH_CUSTOMERS, TAG_KEY_CUSTOMER } from '../api/ops';
import { ActionForm } from '../components/ActionForm';
import { ResponsiveTable } from '../components/ResponsiveTable';
import { useConsole } from '../context';
import { useI18n } from '../i18n/i18n';

interface CustomerRow {
  id: string;
  name: string;
  phone: string;
  kind: string;
  siteId: string;
  unitId?: string | null;
}

interface CustomerFile {
  customerId: string;
  customer: CustomerRow & { email?: string | null };
  units: { id: string; unitId: string; unitName: string; role: string; movedInOn: string; movedOutOn?: string | null }[];
  complaints: {
    id: string;
    siteId: string;
    status: string;
    severity: string;
    category: string;
    description: string;
    receivedAt: string;
    keyCustomer: boolean;
    workOrders?: { id: string; department: string }[] | null;
  }[];
  serviceRequests: { id: string; siteId: string; kind: string; status: string; description: string; receivedAt: string }[];
  claims: {
    id: string;
    description: string;
    amountClaimedYuan: number;
    decision?: string | null;
    amountAwardedYuan?: number | null;
    claimedAt: string;
    paidAt?: string | null;
  }[];
  callbacks?: { id: string; caseId: string; kind: string; status: string; satisfaction?: string | null; resolvedAt: string }[] | null;
  surveys?:
    | {
        surveyId: string;
        kind: string;
        period: string;
        at: string;
        answers: { text: string; satisfaction: string; comment?: string | null }[];
      }[]
    | null;
  keyCustomer?: { reasons: string[]; tags: { reason: string; note?: string | null; taggedBy: string }[] } | null;
  retention: { holdsUnit: boolean; keptUntil?: string | null };
  totals: { complaints: number; serviceRequests: number; claims: number; visits: number };
  newest?: number | null;
}

/** A file opens with the newest of each list (fast on a phone); "show all" asks for every record. */
const FIRST_PAGE = 50;
/** `12` or `50 / 200` when the list holds only the newest. */
const counted = (shown: number, total: number) => (total > shown ? `${shown} / ${total}` : String(shown));

/** The roles that may tag a key customer (the server checks again). */
const TAGGERS = ['COMPLAINT_REP', 'AREA_MANAGER', 'SITE_HEAD', 'QUALITY', 'LEADERSHIP', 'ADMIN'];

/** Customer files (domain.md §7): a search by name, phone or unit, and one customer's whole file. */
export function CustomersPage({ id }: { id?: string }) {
  return id ? <CustomerFileView id={id} /> : <CustomerSearch />;
}

function CustomerSearch() {
  const { t, en } = useI18n();
  const { siteName, go } = useConsole();
  const client = useClient();
  const [rows, setRows] = useState<CustomerRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const search = async (text: string) => {
    const r = await client.query(SEARCH_CUSTOMERS, { search: text }, { requestPolicy: 'network-only' }).toPromise();
    setError(r.error ? (errorsOf(r.error)[0]?.extensions?.reason ?? errorsOf(r.error)[0]?.message ?? r.error.message) : null);
    setRows((r.data as { customers: CustomerRow[] } | undefined)?.customers ?? []);
  };
  return (
    <Card title={t('customers')}>
      <Input.Search
        placeholder={t('customerSearch')}
        enterButton
        allowClear
        onSearch={(v) => void search(v)}
        data-testid="customer-search"
        status={error ? 'error' : undefined}
      />
      {error ? <Typography.Text type="danger">{error}</Typography.Text> : null}
      {rows ? (
        <List<CustomerRow>
          style={{ marginTop: 12 }}
          dataSource={rows}
          locale={{ emptyText: t('empty') }}
          renderItem={(c) => (
            <List.Item
              data-testid={`customer-${c.id}`}
              actions={[
                <Button key="open" type="link" onClick={() => go(`customers/${c.id}`)} data-testid="open-customer-file">
                  {t('open')}
                </Button>,
              ]}
            >
              <List.Item.Meta title={`${c.name} · ${c.phone}`} description={`${en('CustomerKind', c.kind)} · ${siteName(c.siteId)}`} />
            </List.Item>
          )}
        />
      ) : null}
    </Card>
  );
}

function CustomerFileView({ id }: { id: string }) {
  const { t, en, at } = useI18n();
  const { siteName, zoneOf, go, session } = useConsole();
  const { message } = App.useApp();
  const [all, setAll] = useState(false);
  const [{ data, fetching, error }, refetch] = useQuery<{ customerFile: CustomerFile | null }>({
    query: CUSTOMER_FILE,
    variables: { id, newest: all ? null : FIRST_PAGE },
  });
  const [, tag] = useMutation(TAG_KEY_CUSTOMER);
  const f = data?.customerFile;
  if (fetching && !data) return <Card loading />;
  if (error || !f) return <Card title={t('customerFile')}>{error ? error.message : t('empty')}</Card>;
  const zone = zoneOf(f.customer.siteId);
  const canTag = session.roles.some((r) => TAGGERS.includes(r));
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="customer-file">
      <Card
        title={
          <Space wrap>
            {t('customerFile')}: {f.customer.name}
            {(f.keyCustomer?.reasons ?? []).map((r) => (
              <Tag color="gold" key={r} data-testid="key-customer-reason">
                {t('keyCustomer')} · {en('KeyCustomerReason', r)}
              </Tag>
            ))}
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('phone')}>{f.customer.phone}</Descriptions.Item>
          <Descriptions.Item label={t('kindLabel')}>{en('CustomerKind', f.customer.kind)}</Descriptions.Item>
          <Descriptions.Item label={t('site')}>{siteName(f.customer.siteId)}</Descriptions.Item>
          <Descriptions.Item label={t('retention')}>
            {f.retention.keptUntil ? `${t('keptUntil')} ${f.retention.keptUntil}` : f.retention.holdsUnit ? t('keptWhileHolding') : '—'}
          </Descriptions.Item>
          {(f.keyCustomer?.tags ?? []).map((g) => (
            <Descriptions.Item key={g.reason} label={en('KeyCustomerReason', g.reason)} span={2}>
              {g.note ?? '—'} ({g.taggedBy})
            </Descriptions.Item>
          ))}
        </Descriptions>
        {canTag ? (
          <ActionForm
            testId="tag-key-customer"
            submit="tagKeyCustomer"
            fields={[
              { name: 'reason', label: 'reason', kind: 'select', enumType: 'KeyCustomerReason', required: true },
              { name: 'note', label: 'note', kind: 'text' },
            ]}
            onSubmit={async (input) => {
              const r = await tag({ input: { ...input, customerId: f.customerId } });
              if (r.error) return errorsOf(r.error);
              void message.success(t('done'));
              refetch({ requestPolicy: 'network-only' });
            }}
          />
        ) : null}
      </Card>
      <Card size="small" title={t('unitsHeld')}>
        <ResponsiveTable
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={f.units}
          locale={{ emptyText: t('empty') }}
          columns={[
            { title: t('unit'), dataIndex: 'unitName' },
            { title: t('role'), dataIndex: 'role', render: (r: string) => en('HoldingRole', r) },
            { title: t('movedIn'), dataIndex: 'movedInOn' },
            { title: t('movedOut'), dataIndex: 'movedOutOn', render: (d?: string | null) => d ?? '—' },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={`${t('complaints')} (${counted(f.complaints.length, f.totals.complaints)})`}
        extra={
          !all && (f.totals.complaints > f.complaints.length || f.totals.serviceRequests > f.serviceRequests.length) ? (
            <Button size="small" onClick={() => setAll(true)} data-testid="file-show-all">
              {t('showAll')}
            </Button>
          ) : null
        }
      >
        <ResponsiveTable
          rowKey="id"
          size="small"
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={f.complaints}
          locale={{ emptyText: t('empty') }}
          onRow={(c) => ({ 'data-testid': `file-complaint-${c.id}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('received'), render: (_, c) => at(c.receivedAt, zone) },
            { title: t('category'), render: (_, c) => en('Category', c.category) },
            {
              title: t('severity'),
              render: (_, c) => <Tag color={c.severity === 'MAJOR' ? 'red' : 'blue'}>{en('Severity', c.severity)}</Tag>,
            },
            { title: t('status'), render: (_, c) => en('ComplaintStatus', c.status) },
            { title: t('complaintText'), dataIndex: 'description' },
            {
              title: '',
              render: (_, c) =>
                c.workOrders?.[0] ? (
                  <Button size="small" type="link" onClick={() => go(`work-orders/${c.workOrders![0].id}`)}>
                    {t('open')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <Card size="small" title={`${t('serviceRequests')} (${counted(f.serviceRequests.length, f.totals.serviceRequests)})`}>
        <ResponsiveTable
          rowKey="id"
          size="small"
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={f.serviceRequests}
          locale={{ emptyText: t('empty') }}
          columns={[
            { title: t('received'), render: (_, s) => at(s.receivedAt, zone) },
            { title: t('kindLabel'), render: (_, s) => en('CallbackKind', s.kind) },
            { title: t('status'), render: (_, s) => en('ServiceStatus', s.status) },
            { title: t('complaintText'), dataIndex: 'description' },
          ]}
        />
      </Card>
      <Card size="small" title={`${t('claims')} (${counted(f.claims.length, f.totals.claims)})`}>
        <ResponsiveTable
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={f.claims}
          locale={{ emptyText: t('empty') }}
          columns={[
            { title: t('received'), render: (_, c) => at(c.claimedAt, zone) },
            { title: t('complaintText'), dataIndex: 'description' },
            { title: t('amountClaimed'), dataIndex: 'amountClaimedYuan' },
            { title: t('decision'), render: (_, c) => (c.decision ? en('ClaimDecision', c.decision) : '—') },
            { title: t('amountAwarded'), render: (_, c) => c.amountAwardedYuan ?? '—' },
            { title: t('paid'), render: (_, c) => (c.paidAt ? at(c.paidAt, zone) : '—') },
          ]}
        />
      </Card>
      <Card size="small" title={`${t('callbacks')} (${f.callbacks?.length ?? 0})`}>
        <ResponsiveTable
          rowKey="id"
          size="small"
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={f.callbacks ?? []}
          locale={{ emptyText: t('empty') }}
          columns={[
            { title: t('resolved'), render: (_, c) => at(c.resolvedAt, zone) },
            { title: t('kindLabel'), render: (_, c) => en('CallbackKind', c.kind) },
            { title: t('status'), render: (_, c) => en('CallbackStatus', c.status) },
            { title: t('satisfaction'), render: (_, c) => (c.satisfaction ? en('Satisfaction', c.satisfaction) : '—') },
          ]}
        />
      </Card>
      <Card size="small" title={`${t('surveys')} (${f.surveys?.length ?? 0})`}>
        <List
          dataSource={f.surveys ?? []}
          locale={{ emptyText: t('empty') }}
          renderItem={(s) => (
            <List.Item>
              <Space direction="vertical" size={2}>
                <Typography.Text strong>
                  {en('SurveyKind', s.kind)} · {s.period}
                </Typography.Text>
                {s.answers.map((a, i) => (
                  <Typography.Text key={i}>
                    {a.text}: {en('Satisfaction', a.satisfaction)}
                    {a.comment ? ` — ${a.comment}` : ''}
                  </Typography.Text>
                ))}
              </Space>
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
