import { useState, type ReactNode } from 'react';
import { App, Button, Card, Col, Collapse, Descriptions, Form, Grid, Result, Row, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { useClient, useQuery } from 'urql';
import { errorsOf, type ServerError } from '../api/errors';
import type { CaseNotification, Emergency, Letter, Notice, Penalty, StaffUser, WorkOrderDetail } from '../api/types';
import {
  CASE_NOTIFICATIONS,
  AGREE_SOLUTION,
  ASSIGN,
  CONFIRM,
  EMERGENCIES,
  ESCALATE,
  EXTEND,
  LETTERS,
  PENALTIES,
  RECORD_PLAN,
  RECORD_PROGRESS,
  REPORT_TO_HEAD,
  RESOLVE,
  SEND_LETTER,
  SIGN_OFF,
  STAFF,
  WORK_ORDER,
} from '../api/ops';
import { ActionForm, type FieldSpec } from '../components/ActionForm';
import { Clocks } from '../components/Clocks';
import { PhotoUpload, Photos } from '../components/Photos';
import { useConsole } from '../context';
import { useI18n } from '../i18n/i18n';
import type { LabelKey } from '../i18n/messages';
import { usePolling } from './Queue';
import { timelineOf } from './timeline';
import { ResponsiveTable } from '../components/ResponsiveTable';

const informed: FieldSpec[] = [
  { name: 'customerInformed.at', label: 'customerInformedAt', kind: 'datetime' },
  { name: 'customerInformed.via', label: 'customerInformedVia', kind: 'select', enumType: 'ContactMethod' },
];
const told = (name: string): FieldSpec[] => [
  { name: `${name}.at`, label: 'customerInformedAt', kind: 'datetime', required: true },
  { name: `${name}.via`, label: 'customerInformedVia', kind: 'select', enumType: 'ContactMethod', required: true, initial: 'PHONE' },
];

/** One work order: its clocks, its whole history, and every lifecycle action as a form. */
export function WorkOrderPage({ id }: { id: string }) {
  const i18n = useI18n();
  const { t, en, at } = i18n;
  const { zoneOf, siteName, areaName, go } = useConsole();
  const { message } = App.useApp();
  const narrow = !Grid.useBreakpoint().lg; // below 992 px: phones and tablets
  const [{ data, error, fetching }, reexecute] = useQuery<{ workOrder: WorkOrderDetail; rectificationNotices: Notice[] }>({
    query: WORK_ORDER,
    variables: { id },
  });
  usePolling(reexecute);
  const wo = data?.workOrder;
  const [{ data: letters }] = useQuery<{ liaisonLetters: Letter[] }>({ query: LETTERS, variables: { siteId: wo?.siteId }, pause: !wo });
  const [{ data: emergencies }] = useQuery<{ emergencies: Emergency[] }>({
    query: EMERGENCIES,
    variables: { siteId: wo?.siteId },
    pause: !wo,
  });
  const [{ data: penalties }] = useQuery<{ contractorPenalties: Penalty[] }>({
    query: PENALTIES,
    variables: { siteId: wo?.siteId },
    pause: !wo,
  });
  const [{ data: staff }] = useQuery<{ staffUsers: StaffUser[] }>({ query: STAFF, variables: { siteId: wo?.siteId }, pause: !wo });
  // who was told of the case, on which channel, delivered and acknowledged when (notify, through federation)
  const [{ data: caseMessages }] = useQuery<{ complaint: { notifications: CaseNotification[] } | null }>({
    query: CASE_NOTIFICATIONS,
    variables: { id: wo?.complaintId },
    pause: !wo,
  });
  const client = useClient();
  // the photos of the progress note being written (issue 29); a new round of the uploader after each note
  const [progressPhotos, setProgressPhotos] = useState<string[]>([]);
  const [photoRound, setPhotoRound] = useState(0);

  if (!wo) {
    if (fetching) return <Spin />;
    return (
      <Result
        status="404"
        title={
          error
            ? errorsOf(error)
                .map((e) => `${i18n.code(e.extensions?.code)} — ${e.extensions?.reason ?? e.message}`)
                .join('; ')
            : t('empty')
        }
      />
    );
  }
  const zone = zoneOf(wo.siteId);
  const act =
    (doc: string, vars: (input: Record<string, unknown>) => Record<string, unknown>) =>
    async (input: Record<string, unknown>): Promise<ServerError[] | void> => {
      const r = await client.mutation(doc, vars(input)).toPromise();
      if (r.error) return errorsOf(r.error);
      void message.success(t('done'));
      reexecute({ requestPolicy: 'network-only' });
    };
  const withId = (input: Record<string, unknown>) => ({ input: { ...input, workOrderId: wo.id } });
  const departmentStaff = (staff?.staffUsers ?? [])
    .filter((s) => s.active && s.department === wo.department)
    .map((s) => ({ value: s.id, label: `${s.name} (${s.id})` }));

  const forms: {
    key: string;
    label: LabelKey;
    fields: FieldSpec[];
    onSubmit: (input: Record<string, unknown>) => Promise<ServerError[] | void>;
    extra?: ReactNode;
  }[] = [
    {
      key: 'plan',
      label: 'recordPlan',
      fields: [{ name: 'plan', label: 'plan', kind: 'textarea', required: true }],
      onSubmit: act(RECORD_PLAN, withId),
    },
    { key: 'signOff', label: 'signOff', fields: [], onSubmit: act(SIGN_OFF, () => ({ workOrderId: wo.id })) },
    {
      key: 'assign',
      label: 'assign',
      fields: [{ name: 'handlerId', label: 'handler', kind: 'select', options: departmentStaff, required: true }],
      onSubmit: act(ASSIGN, withId),
    },
    {
      key: 'progress',
      label: 'recordProgress',
      fields: [{ name: 'note', label: 'note', kind: 'textarea', required: true }, ...informed],
      onSubmit: async (input) => {
        const errors = await act(RECORD_PROGRESS, (i) => ({
          input: { ...i, workOrderId: wo.id, attachments: progressPhotos.length ? progressPhotos : undefined },
        }))(input);
        if (!errors?.length) setPhotoRound((n) => n + 1);
        return errors;
      },
      extra: (
        <Form.Item label={t('photos')}>
          <PhotoUpload key={photoRound} siteId={wo.siteId} onChange={setProgressPhotos} />
        </Form.Item>
      ),
    },
    {
      key: 'resolve',
      label: 'resolve',
      fields: [
        { name: 'resolution', label: 'outcome', kind: 'textarea', required: true },
        { name: 'cause', label: 'cause', kind: 'select', enumType: 'CauseCategory', required: true },
        { name: 'causeAnalysis', label: 'causeAnalysis', kind: 'textarea', required: true },
        { name: 'preventiveAction', label: 'preventiveAction', kind: 'textarea', required: true },
        { name: 'correctiveActionReport', label: 'correctiveActionReport', kind: 'textarea' },
        ...informed,
      ],
      onSubmit: act(RESOLVE, withId),
    },
    ...(wo.severity === 'MAJOR'
      ? [
          {
            key: 'report',
            label: 'reportToHead' as LabelKey,
            fields: [
              { name: 'reportedTo', label: 'reportedTo', kind: 'text', required: true },
              { name: 'at', label: 'received', kind: 'datetime' },
            ] as FieldSpec[],
            onSubmit: act(REPORT_TO_HEAD, withId),
          },
          {
            key: 'solution',
            label: 'agreeSolution' as LabelKey,
            fields: [{ name: 'solution', label: 'solution', kind: 'textarea', required: true }, ...told('agreed')] as FieldSpec[],
            onSubmit: act(AGREE_SOLUTION, withId),
          },
        ]
      : []),
    {
      key: 'extend',
      label: 'extend',
      fields: [
        { name: 'clock', label: 'clock', kind: 'select', enumType: 'SlaClock', required: true },
        { name: 'newDueAt', label: 'newDueAt', kind: 'datetime', required: true },
        { name: 'reason', label: 'reason', kind: 'textarea', required: true },
        ...told('customerTold'),
      ],
      onSubmit: act(EXTEND, withId),
    },
    {
      key: 'escalate',
      label: 'escalate',
      fields: [
        { name: 'reason', label: 'reason', kind: 'textarea', required: true },
        { name: 'to', label: 'to', kind: 'select', enumType: 'EscalationLevel' },
      ],
      onSubmit: act(ESCALATE, withId),
    },
    {
      key: 'letter',
      label: 'liaison',
      fields: [
        { name: 'toDepartment', label: 'toDepartment', kind: 'select', enumType: 'Department', required: true },
        { name: 'body', label: 'body', kind: 'textarea', required: true },
        { name: 'dueAt', label: 'dueAt', kind: 'datetime', required: true },
      ],
      onSubmit: act(SEND_LETTER, withId),
    },
    {
      key: 'confirm',
      label: 'confirm',
      fields: [
        { name: 'signature', label: 'signature', kind: 'text', required: true },
        { name: 'at', label: 'customerInformedAt', kind: 'datetime' },
      ],
      onSubmit: act(CONFIRM, (input) => ({ input: { ...input, workOrderId: wo.id, customerId: wo.complaint?.customerId } })),
    },
  ];
  const items = timelineOf(
    wo,
    {
      letters: letters?.liaisonLetters,
      notices: data?.rectificationNotices,
      emergencies: emergencies?.emergencies,
      penalties: penalties?.contractorPenalties,
    },
    { en, t: (k) => t(k as LabelKey) },
  );
  const kindLabel: Record<string, string> = {
    received: t('received'),
    plan: t('plan'),
    signOff: t('signOff'),
    assign: t('assign'),
    progress: t('progress'),
    contact: t('customerInformedAt'),
    report: t('reportToHead'),
    solution: t('agreeSolution'),
    escalation: t('escalate'),
    extension: t('extend'),
    resolved: t('resolve'),
    confirmed: t('confirm'),
    closed: t('closed'),
    round: t('rounds'),
    letter: t('liaison'),
    notice: t('notices'),
    emergency: t('emergency'),
    callback: t('callbacks'),
  };

  const summary = (
    <Card
      size="small"
      title={
        <Space>
          <a onClick={() => go('queue')}>←</a>
          {t('workOrder')} <Typography.Text code>{wo.id}</Typography.Text>
        </Space>
      }
      extra={
        <Tag color={wo.status === 'REOPENED' ? 'magenta' : 'geekblue'} data-testid="wo-status">
          {en('WorkOrderStatus', wo.status)}
        </Tag>
      }
    >
      <Descriptions size="small" column={narrow ? 1 : 2} bordered labelStyle={narrow ? { whiteSpace: 'nowrap' } : undefined}>
        <Descriptions.Item label={t('department')}>{en('Department', wo.department)}</Descriptions.Item>
        <Descriptions.Item label={t('severity')}>
          <Tag color={wo.severity === 'MAJOR' ? 'red' : 'blue'}>{en('Severity', wo.severity)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('site')}>{siteName(wo.siteId)}</Descriptions.Item>
        <Descriptions.Item label={t('area')}>{areaName(wo.areaId)}</Descriptions.Item>
        <Descriptions.Item label={t('category')}>{en('Category', wo.complaint?.category)}</Descriptions.Item>
        <Descriptions.Item label={t('round')}>{wo.round}</Descriptions.Item>
        <Descriptions.Item label={t('handler')}>{wo.handlerId ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('received')}>{at(wo.receivedAt, zone)}</Descriptions.Item>
        <Descriptions.Item label={t('complaintText')} span={2}>
          {wo.complaint?.description}
        </Descriptions.Item>
        {wo.complaint?.customerId ? (
          <Descriptions.Item label={t('customer')}>
            <Button size="small" type="link" onClick={() => go(`customers/${wo.complaint!.customerId}`)} data-testid="open-customer-file">
              {t('openCustomerFile')}
            </Button>
          </Descriptions.Item>
        ) : null}
        {wo.complaint?.attachments?.length ? (
          <Descriptions.Item label={t('photos')} span={2}>
            <Photos keys={wo.complaint.attachments} />
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('clocks')} span={2}>
          <Clocks wo={wo} />
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
  const timeline = (
    <Card size="small" title={t('timeline')} style={{ marginTop: 16 }}>
      <Timeline
        data-testid="timeline"
        items={items.map((it) => ({
          color: it.alert ? 'red' : it.kind === 'resolved' || it.kind === 'confirmed' ? 'green' : 'blue',
          children: (
            <div data-kind={it.kind}>
              <Typography.Text strong>{kindLabel[it.kind]}</Typography.Text>{' '}
              <Typography.Text type="secondary">{at(it.at, zone)}</Typography.Text>
              {it.by && <Tag style={{ marginLeft: 8 }}>{it.by}</Tag>}
              {it.text && <div>{it.text}</div>}
              {it.attachments?.length ? <Photos keys={it.attachments} /> : null}
            </div>
          ),
        }))}
      />
    </Card>
  );
  // below the timeline: its rows arriving never move the action forms
  const whoWasTold = (
    <Card size="small" title={t('whoWasTold')} style={{ marginTop: 16 }}>
      <ResponsiveTable<CaseNotification>
        data-testid="case-notifications"
        size="small"
        pagination={false}
        rowKey={(n) => `${n.recipientId}|${n.kind}|${n.channel}|${n.createdAt}`}
        dataSource={caseMessages?.complaint?.notifications ?? []}
        columns={[
          { title: t('recipient'), dataIndex: 'recipientId' },
          { title: t('kind'), dataIndex: 'kind', render: (k: string) => en('NotificationKind', k) },
          { title: t('channel'), dataIndex: 'channel' },
          { title: t('deliveredAt'), dataIndex: 'deliveredAt', render: (v: string | null) => at(v, zone) },
          { title: t('acknowledged'), dataIndex: 'acknowledgedAt', render: (v: string | null) => at(v, zone) },
        ]}
      />
    </Card>
  );
  const actions = (
    <Card size="small" title={t('actions')} style={narrow ? { marginTop: 16 } : undefined} data-testid="actions">
      <Collapse
        accordion
        items={forms.map((f) => ({
          key: f.key,
          label: <span data-testid={`action-${f.key}`}>{t(f.label)}</span>,
          children: <ActionForm fields={f.fields} submit="submit" onSubmit={f.onSubmit} testId={`form-${f.key}`} extra={f.extra} />,
        }))}
      />
      <Button style={{ marginTop: 8 }} block={narrow} onClick={() => reexecute({ requestPolicy: 'network-only' })}>
        {t('refresh')}
      </Button>
    </Card>
  );
  // on a phone or a tablet the actions come right after the case, within a thumb's reach; a desk has them beside it
  if (narrow) {
    return (
      <div data-testid="work-order-narrow">
        {summary}
        {actions}
        {timeline}
        {whoWasTold}
      </div>
    );
  }
  return (
    <Row gutter={16}>
      <Col xs={24} lg={14}>
        {summary}
        {timeline}
        {whoWasTold}
      </Col>
      <Col xs={24} lg={10}>
        {actions}
      </Col>
    </Row>
  );
}
