import { App, Button, Card, List, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { download } from '../api/download';
import { errorsOf } from '../api/errors';
import { COMMITTEE, NOTICES, PLANS, PLAN_VISITS, PUBLISH_NOTICE, RECORD_MEETING, RECORD_VISIT, VISITS } from '../api/ops';
import { ActionForm } from '../components/ActionForm';
import { ResponsiveTable } from '../components/ResponsiveTable';
import { useConsole } from '../context';
import { useI18n } from '../i18n/i18n';

interface Meeting {
  id: string;
  month: string;
  heldAt: string;
  attendeeIds: string[];
  minutes: string;
  items: { kind: string; id: string; description: string; raisedBy: string; answered: boolean }[];
}
interface CommitteeData {
  committeeMembers: { id: string; customerId: string; position: string; since: string; leftOn?: string | null }[];
  committeeMeetings: Meeting[];
}
interface VisitsData {
  visits: {
    edges: { node: { id: string; customerId: string; kind: string; status: string; visitedAt?: string | null; view?: string | null } }[];
  };
}
interface PlansData {
  relationshipPlans: {
    id: string;
    period: string;
    goals: string[];
    summary: {
      activitiesPlanned: number;
      activitiesDone: number;
      budgetYuan: number;
      spentYuan: number;
      signedUp: number;
      attended: number;
    };
  }[];
}
interface NoticesData {
  notices: {
    edges: {
      node: {
        id: string;
        kind: string;
        title: string;
        body: string;
        startsAt: string;
        channels: string[];
        sentTo: string[];
        units?: number | null;
      };
    }[];
  };
}

const NOTICE_CHANNELS = ['SMS', 'WECOM', 'DINGTALK', 'FEISHU', 'WEBHOOK'];
/** The current month (YYYY-MM) in a time zone. */
const monthIn = (timeZone?: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);

/** The relationship with a site's customers (domain.md §7): the owners' committee, this month's visits, the year's plans, notices. */
export function RelationshipPage() {
  const { t, en, at, lang } = useI18n();
  const { sites, zoneOf, session } = useConsole();
  const { message } = App.useApp();
  const [siteId, setSiteId] = useState(sites[0]?.id);
  const zone = zoneOf(siteId);
  const month = monthIn(zone);
  const year = Number(month.slice(0, 4));
  const pause = !siteId;
  const [committeeQ, refetchCommittee] = useQuery<CommitteeData>({ query: COMMITTEE, variables: { siteId, year }, pause });
  const [visitsQ, refetchVisits] = useQuery<VisitsData>({ query: VISITS, variables: { siteId, month }, pause });
  const [plansQ] = useQuery<PlansData>({ query: PLANS, variables: { siteId, year }, pause });
  const [noticesQ, refetchNotices] = useQuery<NoticesData>({ query: NOTICES, variables: { siteId }, pause });
  const error = committeeQ.error ?? visitsQ.error ?? plansQ.error ?? noticesQ.error;
  const fresh = { requestPolicy: 'network-only' as const };
  const [, recordMeeting] = useMutation(RECORD_MEETING);
  const [, planVisits] = useMutation(PLAN_VISITS);
  const [, recordVisit] = useMutation(RECORD_VISIT);
  const [, publishNotice] = useMutation(PUBLISH_NOTICE);
  const areas = sites.find((s) => s.id === siteId)?.areas ?? [];
  const members = committeeQ.data?.committeeMembers ?? [];
  const current = members.filter((m) => !m.leftOn);

  const committee = (
    <Space direction="vertical" style={{ width: '100%' }}>
      <ResponsiveTable
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={members}
        locale={{ emptyText: t('empty') }}
        columns={[
          { title: t('customers'), render: (_, m) => <a href={`#/customers/${encodeURIComponent(m.customerId)}`}>{m.customerId}</a> },
          { title: t('position'), render: (_, m) => en('CommitteePosition', m.position) },
          { title: t('since'), dataIndex: 'since' },
          { title: t('movedOut'), render: (_, m) => m.leftOn ?? '—' },
        ]}
      />
      <Card size="small" title={t('recordMeeting')}>
        <ActionForm
          testId="record-meeting"
          submit="recordMeeting"
          fields={[
            { name: 'heldAt', label: 'heldAt', kind: 'datetime', required: true },
            {
              name: 'attendeeIds',
              label: 'attendeeIds',
              kind: 'multi',
              options: current.map((m) => ({ value: m.customerId, label: m.customerId })),
            },
            { name: 'minutes', label: 'minutes', kind: 'textarea', required: true },
          ]}
          onSubmit={async (input) => {
            const r = await recordMeeting({ input: { attendeeIds: [], ...input, siteId } });
            if (r.error) return errorsOf(r.error);
            void message.success(t('done'));
            refetchCommittee(fresh);
          }}
        />
      </Card>
      <List
        header={t('meetings')}
        dataSource={committeeQ.data?.committeeMeetings ?? []}
        locale={{ emptyText: t('empty') }}
        renderItem={(m) => (
          <List.Item key={m.id}>
            <Space direction="vertical" size={2}>
              <Typography.Text strong>
                {m.month} · {at(m.heldAt, zone)} · {m.attendeeIds.join(', ')}
              </Typography.Text>
              <Typography.Text>{m.minutes}</Typography.Text>
              {m.items.map((i) => (
                <Space key={i.id} wrap>
                  <Tag color={i.answered ? 'green' : 'orange'}>{t(i.answered ? 'answered' : 'itemOpen')}</Tag>
                  <Typography.Text>{i.description}</Typography.Text>
                </Space>
              ))}
            </Space>
          </List.Item>
        )}
      />
    </Space>
  );

  const visits = (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button
        data-testid="plan-visits"
        onClick={() =>
          void planVisits({ input: { siteId, month } }).then((r) => {
            if (r.error) void message.error(errorsOf(r.error)[0]?.extensions?.reason ?? r.error.message);
            else refetchVisits(fresh);
          })
        }
      >
        {t('planVisits')} ({month})
      </Button>
      <Card size="small" title={t('recordVisit')}>
        <ActionForm
          testId="record-visit"
          submit="recordVisit"
          fields={[
            {
              name: 'visitId',
              label: 'visits',
              kind: 'select',
              required: true,
              options: (visitsQ.data?.visits.edges ?? [])
                .filter((e) => e.node.status === 'PLANNED')
                .map((e) => ({ value: e.node.id, label: `${e.node.customerId} · ${en('VisitKind', e.node.kind)}` })),
            },
            { name: 'view', label: 'customerView', kind: 'textarea', required: true },
            { name: 'satisfaction', label: 'satisfaction', kind: 'select', enumType: 'Satisfaction' },
          ]}
          onSubmit={async (input) => {
            const r = await recordVisit({ input });
            if (r.error) return errorsOf(r.error);
            void message.success(t('done'));
            refetchVisits(fresh);
          }}
        />
      </Card>
      <ResponsiveTable
        rowKey="id"
        size="small"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        dataSource={visitsQ.data?.visits.edges.map((e) => e.node) ?? []}
        locale={{ emptyText: t('empty') }}
        columns={[
          { title: t('customers'), render: (_, v) => <a href={`#/customers/${encodeURIComponent(v.customerId)}`}>{v.customerId}</a> },
          { title: t('visitKind'), render: (_, v) => en('VisitKind', v.kind) },
          { title: t('status'), render: (_, v) => en('VisitStatus', v.status) },
          { title: t('note'), render: (_, v) => v.view ?? '—' },
        ]}
      />
    </Space>
  );

  const exportPlans = (fmt: 'csv' | 'xlsx') => {
    const q = new URLSearchParams({ siteId: siteId ?? '', year: String(year), lang: lang === 'zh' ? 'zh' : 'en' });
    download(`/exports/relationship-plans.${fmt}?${q.toString()}`, session.token).catch((e: Error) => void message.error(e.message));
  };
  const plans = (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Button onClick={() => exportPlans('xlsx')} data-testid="export-plans-xlsx">
          {t('exports')} (xlsx)
        </Button>
        <Button onClick={() => exportPlans('csv')}>{t('exports')} (csv)</Button>
      </Space>
      <ResponsiveTable
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={plansQ.data?.relationshipPlans ?? []}
        locale={{ emptyText: t('empty') }}
        columns={[
          { title: t('period'), dataIndex: 'period' },
          { title: t('summary'), render: (_, p) => p.goals.join('; ') },
          { title: t('activitiesDone'), render: (_, p) => `${p.summary.activitiesDone} / ${p.summary.activitiesPlanned}` },
          { title: t('budget'), render: (_, p) => p.summary.budgetYuan },
          { title: t('spent'), render: (_, p) => p.summary.spentYuan },
          { title: t('attendance'), render: (_, p) => `${p.summary.signedUp} / ${p.summary.attended}` },
        ]}
      />
    </Space>
  );

  const notices = (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card size="small" title={t('publishNotice')}>
        <ActionForm
          testId="publish-notice"
          submit="publishNotice"
          fields={[
            { name: 'kind', label: 'kindLabel', kind: 'select', enumType: 'NoticeKind', required: true },
            { name: 'title', label: 'title', kind: 'text', required: true },
            { name: 'body', label: 'body', kind: 'textarea', required: true },
            { name: 'audience.wholeSite', label: 'wholeSite', kind: 'bool' },
            { name: 'audience.areaIds', label: 'areas', kind: 'multi', options: areas.map((a) => ({ value: a.id, label: a.name })) },
            { name: 'channels', label: 'channels', kind: 'multi', options: NOTICE_CHANNELS.map((c) => ({ value: c, label: c })) },
          ]}
          onSubmit={async (input) => {
            const r = await publishNotice({ input: { audience: {}, ...input, siteId } });
            if (r.error) return errorsOf(r.error);
            void message.success(t('done'));
            refetchNotices(fresh);
          }}
        />
      </Card>
      <ResponsiveTable
        rowKey="id"
        size="small"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        dataSource={noticesQ.data?.notices.edges.map((e) => e.node) ?? []}
        locale={{ emptyText: t('empty') }}
        columns={[
          { title: t('shownFrom'), render: (_, n) => at(n.startsAt, zone) },
          { title: t('kindLabel'), render: (_, n) => en('NoticeKind', n.kind) },
          { title: t('title'), dataIndex: 'title' },
          { title: t('units'), render: (_, n) => n.units ?? t('wholeSite') },
          { title: t('channels'), render: (_, n) => n.channels.join(', ') || '—' },
          { title: t('sentTo'), render: (_, n) => n.sentTo.length },
        ]}
      />
    </Space>
  );

  return (
    <Card
      title={t('relationship')}
      extra={
        <Select
          style={{ minWidth: 180 }}
          value={siteId}
          onChange={setSiteId}
          options={sites.map((s) => ({ value: s.id, label: s.name }))}
          data-testid="relationship-site"
        />
      }
    >
      {error ? <Typography.Text type="danger">{error.message}</Typography.Text> : null}
      <Tabs
        items={[
          { key: 'committee', label: t('committee'), children: committee },
          { key: 'visits', label: t('visits'), children: visits },
          { key: 'plans', label: t('plans'), children: plans },
          { key: 'notices', label: t('residentNotices'), children: notices },
        ]}
      />
    </Card>
  );
}
