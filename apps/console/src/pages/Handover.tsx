import { Alert, App, Button, Card, Descriptions, Empty, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ACKNOWLEDGE_HANDOVER, CURRENT_DUTY, HAND_OVER, HANDOVERS } from '../api/ops';
import { errorsOf, mapServerErrors } from '../api/errors';
import { useConsole } from '../context';
import { useI18n } from '../i18n/i18n';
import { usePolling } from './Queue';

interface Person {
  id: string;
  name?: string | null;
}
interface Duty {
  date: string;
  shift: { name: string; startsAt: string; endsAt: string };
  staff: Person[];
  director?: Person | null;
}
interface HandoverRow {
  id: string;
  date: string;
  shift: string;
  toDate: string;
  toShift: string;
  handedOverBy: string;
  note: string;
  createdAt: string;
  acknowledgedBy?: string | null;
  acknowledgedAt?: string | null;
  items: { kind: string; complaintId?: string | null; workOrderId?: string | null; text: string; dueAt?: string | null }[];
}

const who = (p?: Person | null) => (p ? (p.name ? `${p.name} (${p.id})` : p.id) : '');

/**
 * Who is on duty at a site now, and the shift handover (domain.md §6): the outgoing shift hands over
 * with a note (the open items are listed by the server itself); the incoming shift acknowledges.
 */
export function HandoverPage() {
  const i18n = useI18n();
  const { t, en, at } = i18n;
  const { sites, zoneOf, go } = useConsole();
  const { message } = App.useApp();
  const [siteId, setSiteId] = useState<string | undefined>(sites[0]?.id);
  const [note, setNote] = useState('');
  const [{ data: duty }, againDuty] = useQuery<{ currentDuty: Duty }>({ query: CURRENT_DUTY, variables: { siteId }, pause: !siteId });
  // a handover's open items are a list of unknown length: the gateway's cost limit allows five handovers a page
  const [{ data: list, fetching, error: listError }, again] = useQuery<{ shiftHandovers: { edges: { node: HandoverRow }[] } }>({
    query: HANDOVERS,
    variables: { siteId, first: 5 },
    pause: !siteId,
  });
  usePolling(again);
  usePolling(againDuty);
  const [handing, handOver] = useMutation(HAND_OVER);
  const [, acknowledge] = useMutation(ACKNOWLEDGE_HANDOVER);
  const run = async (call: () => Promise<{ error?: Parameters<typeof errorsOf>[0] }>, after?: () => void) => {
    const { error } = await call();
    if (error) {
      for (const m of mapServerErrors(errorsOf(error), [], i18n).general) void message.error(m);
      return;
    }
    void message.success(t('done'));
    after?.();
    again({ requestPolicy: 'network-only' });
  };
  const d = duty?.currentDuty;
  const zone = zoneOf(siteId);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Select
        style={{ width: 320 }}
        value={siteId}
        onChange={setSiteId}
        options={sites.map((s) => ({ value: s.id, label: s.name }))}
        placeholder={t('site')}
        data-testid="handover-site"
      />
      <Card size="small" title={t('onDuty')} data-testid="current-duty">
        {d ? (
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('shift')}>
              <span data-testid="duty-shift">
                {d.date} · {d.shift.name} ({d.shift.startsAt}–{d.shift.endsAt})
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('dutyStaff')}>
              <span data-testid="duty-staff">{d.staff.length ? d.staff.map(who).join(', ') : t('nobodyOnDuty')}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('dutyDirector')}>
              <span data-testid="duty-director">{who(d.director) || t('nobodyOnDuty')}</span>
            </Descriptions.Item>
          </Descriptions>
        ) : (
          <Empty />
        )}
      </Card>
      <Card size="small" title={t('handOver')} data-testid="hand-over">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input.TextArea
            rows={3}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder={t('handoverNote')}
            maxLength={4000}
          />
          <Button
            type="primary"
            loading={handing.fetching}
            disabled={!siteId}
            data-testid="hand-over-submit"
            onClick={() =>
              void run(
                () => handOver({ input: { siteId, note } }),
                () => setNote(''),
              )
            }
          >
            {t('handOver')}
          </Button>
        </Space>
      </Card>
      <Card size="small" title={t('handovers')}>
        {listError && <Alert type="error" showIcon message={mapServerErrors(errorsOf(listError), [], i18n).general.join('; ')} />}
        <List<HandoverRow>
          loading={fetching && !list}
          dataSource={list?.shiftHandovers.edges.map((e) => e.node) ?? []}
          locale={{ emptyText: <Empty /> }}
          renderItem={(h) => (
            <List.Item
              data-testid="handover"
              data-id={h.id}
              actions={[
                h.acknowledgedAt ? (
                  <Tag key="done" color="green">
                    {t('acknowledged')} · {h.acknowledgedBy} · {at(h.acknowledgedAt, zone)}
                  </Tag>
                ) : (
                  <Button
                    key="ack"
                    size="small"
                    type="primary"
                    data-testid="ack-handover"
                    onClick={() => void run(() => acknowledge({ id: h.id }))}
                  >
                    {t('acknowledgeHandover')}
                  </Button>
                ),
              ]}
            >
              <List.Item.Meta
                title={`${h.date} ${h.shift} → ${h.toDate} ${h.toShift} · ${t('handedOverBy')} ${h.handedOverBy} · ${at(h.createdAt, zone)}`}
                description={
                  <Space direction="vertical" size={2} style={{ width: '100%' }}>
                    {h.note && <Typography.Text>{h.note}</Typography.Text>}
                    <Typography.Text type="secondary">
                      {t('openItems')}: {h.items.length}
                    </Typography.Text>
                    {h.items.map((item, i) => (
                      <span key={i} data-testid="handover-item" data-kind={item.kind}>
                        <Tag>{en('HandoverItemKind', item.kind)}</Tag>
                        {item.workOrderId ? (
                          <Typography.Link onClick={() => go(`work-orders/${item.workOrderId}`)}>{item.text}</Typography.Link>
                        ) : (
                          item.text
                        )}
                        {item.dueAt ? ` · ${at(item.dueAt, zone)}` : ''}
                      </span>
                    ))}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
