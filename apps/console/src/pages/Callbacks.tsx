import { App, Card, Col, Row, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { errorsOf, type ServerError } from '../api/errors';
import { RECORD_ATTEMPT, RECORD_CALLBACK, WORKLIST } from '../api/ops';
import { ActionForm } from '../components/ActionForm';
import { useNow } from '../clock/Countdown';
import { formatSpan } from '../clock/countdown';
import { useConsole } from '../context';
import { useI18n } from '../i18n/i18n';
import { usePolling } from './Queue';
import { ResponsiveTable } from '../components/ResponsiveTable';

export interface CallbackRow {
  id: string;
  kind: string;
  caseId: string;
  complaintId?: string | null;
  siteId: string;
  areaId?: string | null;
  round: number;
  assignee: string;
  resolvedAt: string;
  dueAt: string;
  status: string;
  attempts: number;
  nextAttemptAt?: string | null;
  overdueAt?: string | null;
  escalatedTo?: string | null;
  satisfaction?: string | null;
  allowedMethods: string[];
  complaint?: { id: string; category: string; description: string; customerId: string } | null;
}

/** Due (or overdue) as a coloured tag: red once overdue, amber in the last quarter of the 24 hours. */
export function CallbackDue({ c }: { c: CallbackRow }) {
  const { t } = useI18n();
  const now = useNow();
  if (c.status !== 'OPEN') return <Tag>{c.satisfaction ?? c.status}</Tag>;
  const left = new Date(c.dueAt).getTime() - now.getTime();
  const span = new Date(c.dueAt).getTime() - new Date(c.resolvedAt).getTime();
  const colour = left <= 0 ? 'error' : left < span / 4 ? 'warning' : 'success';
  return <Tag color={colour}>{left <= 0 ? `${t('overdueBy')} ${formatSpan(left)}` : `${t('left')} ${formatSpan(left)}`}</Tag>;
}

export function CallbackTable({ rows, loading, onRecorded }: { rows: CallbackRow[]; loading?: boolean; onRecorded?: () => void }) {
  const { t, en, at } = useI18n();
  const { zoneOf, siteName } = useConsole();
  const { message } = App.useApp();
  const [, record] = useMutation(RECORD_CALLBACK);
  const [, attempt] = useMutation(RECORD_ATTEMPT);
  const done = (r: { error?: Parameters<typeof errorsOf>[0] }): ServerError[] | void => {
    if (r.error) return errorsOf(r.error);
    void message.success(t('done'));
    onRecorded?.();
  };
  return (
    <ResponsiveTable<CallbackRow>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: t('empty') }}
      onRow={(r) =>
        ({ 'data-testid': `callback-${r.id}`, 'data-complaint': r.complaintId ?? r.complaint?.id }) as React.HTMLAttributes<HTMLElement>
      }
      expandable={{
        rowExpandable: (r) => r.status === 'OPEN',
        expandedRowRender: (c) => {
          const methods = c.allowedMethods.map((m) => ({ value: m, label: en('CallbackMethod', m) }));
          return (
            <Row gutter={16}>
              <Col xs={24} lg={14}>
                <Typography.Title level={5}>{t('recordCallback')}</Typography.Title>
                <ActionForm
                  testId="record-callback"
                  fields={[
                    { name: 'method', label: 'method', kind: 'select', options: methods, required: true, initial: c.allowedMethods[0] },
                    { name: 'reached', label: 'reached', kind: 'text', required: true },
                    { name: 'serviceQuality', label: 'serviceQuality', kind: 'select', enumType: 'Satisfaction', required: true },
                    { name: 'attitude', label: 'attitude', kind: 'select', enumType: 'Satisfaction', required: true },
                    { name: 'satisfaction', label: 'satisfaction', kind: 'select', enumType: 'Satisfaction', required: true },
                    { name: 'shortcomings', label: 'shortcomings', kind: 'textarea' },
                    { name: 'suggestions', label: 'suggestions', kind: 'textarea' },
                  ]}
                  submit="submit"
                  onSubmit={async (input) => done(await record({ input: { ...input, callbackId: c.id } }))}
                />
              </Col>
              <Col xs={24} lg={10}>
                <Typography.Title level={5}>{t('recordAttempt')}</Typography.Title>
                <ActionForm
                  testId="record-attempt"
                  fields={[
                    { name: 'method', label: 'method', kind: 'select', options: methods, required: true, initial: c.allowedMethods[0] },
                    { name: 'note', label: 'note', kind: 'text' },
                    { name: 'retryAt', label: 'retryAt', kind: 'datetime' },
                  ]}
                  submit="submit"
                  onSubmit={async (input) => done(await attempt({ input: { ...input, callbackId: c.id } }))}
                />
              </Col>
            </Row>
          );
        },
      }}
      columns={[
        { title: t('dueAt'), render: (_, c) => <CallbackDue c={c} /> },
        { title: t('category'), render: (_, c) => (c.complaint ? en('Category', c.complaint.category) : c.kind) },
        {
          title: t('case'),
          render: (_, c) => (
            <Typography.Text ellipsis style={{ maxWidth: 260 }}>
              {c.complaint?.description ?? c.caseId}
            </Typography.Text>
          ),
        },
        { title: t('round'), dataIndex: 'round' },
        { title: t('status'), render: (_, c) => en('CallbackStatus', c.status) },
        { title: t('attempts'), dataIndex: 'attempts' },
        { title: t('site'), render: (_, c) => siteName(c.siteId) },
        { title: t('resolved'), render: (_, c) => at(c.resolvedAt, zoneOf(c.siteId)) },
      ]}
    />
  );
}

/** The caller's callbacks, overdue first, each recorded on the four levels (or as an attempt when unreachable). */
export function CallbacksPage() {
  const { t } = useI18n();
  const [includeDone, setIncludeDone] = useState(false);
  const [{ data, fetching }, reexecute] = useQuery<{ callbackWorklist: CallbackRow[] }>({ query: WORKLIST, variables: { includeDone } });
  usePolling(reexecute);
  return (
    <Card
      size="small"
      title={t('worklist')}
      extra={
        <Space>
          <Switch size="small" checked={includeDone} onChange={setIncludeDone} /> {t('includeDone')}
        </Space>
      }
    >
      <CallbackTable
        rows={data?.callbackWorklist ?? []}
        loading={fetching && !data}
        onRecorded={() => reexecute({ requestPolicy: 'network-only' })}
      />
    </Card>
  );
}
