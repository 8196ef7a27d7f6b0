import { Alert, Button, Card, Col, Descriptions, Form, Input, List, Row, Select, Space, Tag, Typography, App } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useClient, useMutation } from 'urql';
import { errorsOf, type ServerError } from '../api/errors';
import { COMPLAINT, CUSTOMER_COMPLAINTS, FILE_COMPLAINT, FIND_CUSTOMERS, RECORD_INVALID_REPLY, UNITS } from '../api/ops';
import { ActionForm, type FieldSpec } from '../components/ActionForm';
import { PhotoUpload, Photos } from '../components/Photos';
import { Clocks } from '../components/Clocks';
import { useConsole } from '../context';
import { useI18n } from '../i18n/i18n';

interface Customer {
  id: string;
  name: string;
  phone: string;
  siteId: string;
  unitId?: string | null;
}

interface Filed {
  id: string;
  siteId: string;
  status: string;
  valid: boolean;
  severity: string;
  receivedAt: string;
  replyDueAt: string;
  departments: string[];
  reply?: string | null;
  attachments?: string[];
  workOrders: { id: string; department: string; status: string; deadlines: { clock: string; dueAt: string; metAt?: string | null }[] }[];
}

const key = () => (typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`);

/** Find the customer, file from any channel, see the routing and deadlines at once; reply to an invalid complaint. */
export function FrontDeskPage() {
  const { t, en, at } = useI18n();
  const { sites, siteName, zoneOf, go } = useConsole();
  const { message } = App.useApp();
  const client = useClient();
  const [found, setFound] = useState<Customer[] | null>(null);
  const [customer, setCustomer] = useState<Customer | null>(null);
  const [history, setHistory] = useState<{ id: string; status: string; category: string; receivedAt: string }[]>([]);
  const [units, setUnits] = useState<{ id: string; name: string }[]>([]);
  const [filed, setFiled] = useState<Filed | null>(null);
  const [idempotencyKey, setKey] = useState(key);
  const [, file] = useMutation<{ fileComplaint: Filed }>(FILE_COMPLAINT);
  const [, replyInvalid] = useMutation<{ recordInvalidReply: Filed }>(RECORD_INVALID_REPLY);
  const [lookupError, setLookupError] = useState<string | null>(null);
  // the photos of the filing being written, uploaded for the site chosen in the form
  const [attachments, setAttachments] = useState<string[]>([]);
  const [formSite, setFormSite] = useState<string | undefined>(undefined);
  const siteOfForm = formSite ?? customer?.siteId ?? sites[0]?.id;

  // dispatch opens the work orders from the filing's event: follow the complaint until they are there
  useEffect(() => {
    if (!filed || !filed.valid || filed.status !== 'OPEN' || filed.workOrders.length) return;
    let tries = 0;
    const id = setInterval(() => {
      if (++tries > 30) return clearInterval(id);
      void client
        .query(COMPLAINT, { id: filed.id }, { requestPolicy: 'network-only' })
        .toPromise()
        .then((r) => {
          const c = (r.data as { complaint?: Filed } | undefined)?.complaint;
          if (c?.workOrders.length) {
            clearInterval(id);
            setFiled(c);
          }
        });
    }, 1000);
    return () => clearInterval(id);
  }, [filed, client]);

  const pick = async (c: Customer) => {
    setCustomer(c);
    const r = await client.query(CUSTOMER_COMPLAINTS, { customerId: c.id }).toPromise();
    setHistory((r.data as { complaints?: typeof history } | undefined)?.complaints ?? []);
  };
  const lookup = async (v: { phone?: string; siteId?: string; unitId?: string }) => {
    setLookupError(null);
    const r = await client
      .query(FIND_CUSTOMERS, { phone: v.phone || undefined, unitId: v.unitId || undefined }, { requestPolicy: 'network-only' })
      .toPromise();
    if (r.error) {
      return setLookupError(
        errorsOf(r.error)
          .map((e) => e.extensions?.reason ?? e.message)
          .join('; '),
      );
    }
    const list = (r.data as { customers: Customer[] }).customers;
    setFound(list);
    if (list.length === 1) await pick(list[0]);
  };
  const loadUnits = async (siteId: string) => {
    const r = await client.query(UNITS, { siteId }).toPromise();
    setUnits((r.data as { units?: { id: string; name: string }[] } | undefined)?.units ?? []);
  };

  const fields: FieldSpec[] = useMemo(
    () => [
      {
        name: 'siteId',
        label: 'site',
        kind: 'select',
        required: true,
        options: sites.map((s) => ({ value: s.id, label: s.name })),
        initial: customer?.siteId ?? sites[0]?.id,
      },
      ...(customer
        ? []
        : ([
            { name: 'customerName', label: 'customerName', kind: 'text' },
            { name: 'customerPhone', label: 'customerPhone', kind: 'text' },
          ] as FieldSpec[])),
      { name: 'channel', label: 'channel', kind: 'select', enumType: 'Channel', required: true, initial: 'PHONE' },
      { name: 'category', label: 'category', kind: 'select', enumType: 'Category', required: true },
      { name: 'description', label: 'description', kind: 'textarea', required: true },
      { name: 'receivedAt', label: 'receivedAt', kind: 'datetime' },
      { name: 'requestedReplyBy', label: 'requestedReplyBy', kind: 'datetime' },
      { name: 'urgent', label: 'urgent', kind: 'bool' },
      { name: 'serious', label: 'serious', kind: 'bool' },
      { name: 'circumstances', label: 'circumstances', kind: 'multi', enumType: 'Circumstance' },
      { name: 'valid', label: 'valid', kind: 'bool', initial: true },
      { name: 'invalidReason', label: 'invalidReason', kind: 'text' },
      { name: 'resolution', label: 'resolution', kind: 'textarea' },
    ],
    [sites, customer],
  );

  const submit = async (input: Record<string, unknown>): Promise<ServerError[] | void> => {
    const r = await file({
      input: {
        ...input,
        valid: input.valid ?? false,
        customerId: customer?.id,
        unitId: customer?.unitId ?? undefined,
        idempotencyKey,
        attachments: attachments.length ? attachments : undefined,
      },
    });
    if (r.error) return errorsOf(r.error);
    setFiled(r.data!.fileComplaint);
    setKey(key());
    setAttachments([]);
    if (customer) await pick(customer);
    void message.success(t('filed'));
  };

  return (
    <Row gutter={16}>
      <Col xs={24} lg={9}>
        <Card title={t('findCustomer')} size="small">
          <Form layout="vertical" onFinish={(v: { phone?: string; unitId?: string }) => void lookup(v)}>
            <Form.Item name="phone" label={t('phone')}>
              <Input data-testid="find-phone" />
            </Form.Item>
            <Form.Item name="siteId" label={t('site')}>
              <Select
                allowClear
                options={sites.map((s) => ({ value: s.id, label: s.name }))}
                onChange={(v: string) => v && void loadUnits(v)}
              />
            </Form.Item>
            <Form.Item name="unitId" label={t('unit')}>
              <Select allowClear showSearch optionFilterProp="label" options={units.map((u) => ({ value: u.id, label: u.name }))} />
            </Form.Item>
            <Button htmlType="submit" data-testid="find">
              {t('search')}
            </Button>
          </Form>
          {lookupError && <Alert type="error" message={lookupError} style={{ marginTop: 12 }} />}
          {found && !found.length && <Alert type="info" message={t('noCustomer')} style={{ marginTop: 12 }} />}
          {found && found.length > 0 && (
            <List
              style={{ marginTop: 12 }}
              size="small"
              dataSource={found}
              renderItem={(c) => (
                <List.Item
                  onClick={() => void pick(c)}
                  style={{ cursor: 'pointer', background: customer?.id === c.id ? '#e6f4ff' : undefined }}
                >
                  <Space>
                    <b>{c.name}</b> {c.phone} <Tag>{siteName(c.siteId)}</Tag>
                  </Space>
                </List.Item>
              )}
            />
          )}
          {customer && (
            <Card
              size="small"
              type="inner"
              title={t('recentComplaints')}
              style={{ marginTop: 12 }}
              extra={
                <Button size="small" onClick={() => setCustomer(null)}>
                  ✕
                </Button>
              }
            >
              <Typography.Paragraph data-testid="customer">
                {customer.name} · {customer.phone}{' '}
                <Button size="small" type="link" onClick={() => go(`customers/${customer.id}`)} data-testid="open-customer-file">
                  {t('openCustomerFile')}
                </Button>
              </Typography.Paragraph>
              <List
                size="small"
                dataSource={history}
                locale={{ emptyText: t('empty') }}
                renderItem={(c) => (
                  <List.Item>
                    {en('Category', c.category)} · {en('ComplaintStatus', c.status)} · {at(c.receivedAt, zoneOf(customer.siteId))}
                  </List.Item>
                )}
              />
            </Card>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={15}>
        {filed && (
          <Card title={t('filed')} size="small" style={{ marginBottom: 16 }} data-testid="filed">
            <Descriptions size="small" column={2} bordered>
              <Descriptions.Item label={t('status')}>{en('ComplaintStatus', filed.status)}</Descriptions.Item>
              <Descriptions.Item label={t('severity')}>
                <Tag color={filed.severity === 'MAJOR' ? 'red' : 'blue'}>{en('Severity', filed.severity)}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('routing')} span={2}>
                <span data-testid="routing">{filed.departments.map((d) => en('Department', d)).join(' → ')}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('replyDue')} span={2}>
                {at(filed.replyDueAt, zoneOf(filed.siteId))}
              </Descriptions.Item>
              {filed.attachments?.length ? (
                <Descriptions.Item label={t('photos')} span={2}>
                  <Photos keys={filed.attachments} />
                </Descriptions.Item>
              ) : null}
            </Descriptions>
            {filed.workOrders.map((w) => (
              <Card
                key={w.id}
                size="small"
                type="inner"
                style={{ marginTop: 8 }}
                title={`${t('workOrder')} · ${en('Department', w.department)}`}
                extra={<a onClick={() => go(`work-orders/${w.id}`)}>{t('open')}</a>}
              >
                <Clocks wo={{ receivedAt: filed.receivedAt, deadlines: w.deadlines }} />
              </Card>
            ))}
            {!filed.valid && !filed.reply && (
              <Card size="small" type="inner" title={t('recordInvalidReply')} style={{ marginTop: 8 }}>
                <ActionForm
                  fields={[
                    { name: 'reply', label: 'reply', kind: 'textarea', required: true },
                    { name: 'repliedVia', label: 'repliedVia', kind: 'select', enumType: 'Channel', required: true, initial: 'PHONE' },
                    { name: 'repliedAt', label: 'customerInformedAt', kind: 'datetime' },
                    { name: 'approvedBy', label: 'approvedBy', kind: 'text' },
                  ]}
                  submit="submit"
                  onSubmit={async (input) => {
                    const r = await replyInvalid({ input: { ...input, complaintId: filed.id } });
                    if (r.error) return errorsOf(r.error);
                    setFiled(r.data!.recordInvalidReply);
                    void message.success(t('done'));
                  }}
                />
              </Card>
            )}
          </Card>
        )}
        <Card title={t('fileComplaint')} size="small">
          <ActionForm
            key={`${customer?.id ?? 'new'}-${idempotencyKey}`}
            fields={fields}
            submit="submit"
            onSubmit={submit}
            testId="file-complaint"
            onChange={(v) => setFormSite(typeof v.siteId === 'string' ? v.siteId : undefined)}
            extra={
              <Form.Item label={t('photos')}>
                <PhotoUpload siteId={siteOfForm} onChange={setAttachments} />
              </Form.Item>
            }
          />
        </Card>
      </Col>
    </Row>
  );
}
