import { Card, Select, Space } from 'antd';
import { useState } from 'react';
import { useQuery } from 'urql';
import { QUEUE, WORKLIST } from '../api/ops';
import { useConsole } from '../context';
import { useI18n } from '../i18n/i18n';
import { CallbackTable, type CallbackRow } from './Callbacks';
import { usePolling, WorkOrderTable, type QueueRow } from './Queue';

/** Major complaints with their 10-minute and 12-hour clocks, dissatisfied and unreachable callbacks, and the area's worklist. */
export function AreaManagerPage() {
  const { t } = useI18n();
  const { session, sites } = useConsole();
  const mine = sites.flatMap((s) =>
    s.areas
      .filter((a) => a.areaManagerId === session.sub || session.roles.includes('SITE_HEAD') || session.roles.includes('ADMIN'))
      .map((a) => ({ ...a, siteId: s.id, siteName: s.name })),
  );
  const [areaId, setAreaId] = useState<string | undefined>(mine[0]?.id);
  const area = mine.find((a) => a.id === areaId);
  const [{ data: queue }, again] = useQuery<{ workOrders: { edges: { node: QueueRow }[] } }>({
    query: QUEUE,
    variables: { siteId: area?.siteId, first: 100 },
  });
  const [{ data: callbacks }, again2] = useQuery<{ callbackWorklist: CallbackRow[] }>({
    query: WORKLIST,
    variables: { areaId, siteId: area?.siteId, includeDone: true },
    pause: !areaId,
  });
  usePolling(again);
  usePolling(again2);
  const major = (queue?.workOrders.edges.map((e) => e.node) ?? []).filter(
    (w) => w.severity === 'MAJOR' && (!areaId || w.areaId === areaId) && w.status !== 'CLOSED',
  );
  const all = callbacks?.callbackWorklist ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Select
        style={{ width: 320 }}
        value={areaId}
        onChange={setAreaId}
        options={mine.map((a) => ({ value: a.id, label: `${a.siteName} · ${a.name}` }))}
        placeholder={t('area')}
      />
      <Card size="small" title={t('majorComplaints')}>
        <WorkOrderTable rows={major} />
      </Card>
      <Card size="small" title={t('dissatisfied')}>
        <CallbackTable rows={all.filter((c) => c.satisfaction === 'DISSATISFIED')} />
      </Card>
      <Card size="small" title={t('unreachable')}>
        <CallbackTable rows={all.filter((c) => c.status === 'UNREACHABLE' || (c.status === 'OPEN' && c.attempts > 0))} />
      </Card>
      <Card size="small" title={t('areaWorklist')}>
        <CallbackTable rows={all.filter((c) => c.status === 'OPEN')} onRecorded={() => again2({ requestPolicy: 'network-only' })} />
      </Card>
    </Space>
  );
}
