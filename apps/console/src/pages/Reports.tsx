import { App, Button, Card, Col, DatePicker, Input, Row, Select, Space, Statistic, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { CASES, KPIS, REPORT } from '../api/ops';
import { ReportChart } from '../components/Chart';
import { useConsole } from '../context';
import { download } from '../api/download';
import { useI18n } from '../i18n/i18n';
import { ResponsiveTable } from '../components/ResponsiveTable';

interface CountBy {
  key: string;
  count: number;
}
interface Figures {
  complaints: number;
  sla: { attainment?: number | null };
  callbacks: { coverage?: number | null };
  satisfactionRate?: number | null;
}
interface Report extends Figures {
  month: string;
  invalid: number;
  resolved: number;
  closed: number;
  byCategory: CountBy[];
  byDepartment: CountBy[];
  byChannel: CountBy[];
  satisfaction: CountBy[];
  topCauses: CountBy[];
  sla: {
    attainment?: number | null;
    byClock: {
      clock: string;
      deadlines: number;
      metOnTime: number;
      metLate: number;
      breached: number;
      open: number;
      attainment?: number | null;
    }[];
  };
  bySite: (Figures & { siteId: string })[];
  byArea: (Figures & { siteId: string; areaId: string })[];
}

const pct = (v?: number | null) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`);

/** The monthly report as charts and tables per group, site and area; KPIs over time; the case library; exports. */
export function ReportsPage() {
  const { t, en, lang } = useI18n();
  const { session, sites, siteName, areaName } = useConsole();
  const { message } = App.useApp();
  const [month, setMonth] = useState<Dayjs>(dayjs());
  const [siteId, setSiteId] = useState<string | undefined>();
  const [search, setSearch] = useState<string | undefined>();
  const m = month.format('YYYY-MM');
  const [{ data, error }] = useQuery<{ monthlyReport: Report }>({ query: REPORT, variables: { month: m, siteId } });
  const from = month.subtract(5, 'month').startOf('month').format('YYYY-MM-DD');
  const to = month.endOf('month').format('YYYY-MM-DD');
  const [{ data: kpis }] = useQuery<{
    kpis: { period: string; complaints: number; slaAttainment?: number; callbackCoverage?: number; satisfactionRate?: number }[];
  }>({
    query: KPIS,
    variables: { from, to, bucket: 'MONTH', siteId },
  });
  const [{ data: cases }] = useQuery<{
    caseLibrary: {
      edges: {
        node: { id: string; title: string; summary: string; lessons: string; category: string; severity: string; tags: string[] };
      }[];
    };
  }>({
    query: CASES,
    variables: { search },
  });
  const r = data?.monthlyReport;
  const total = (rows: CountBy[] | undefined) => (rows ?? []).reduce((a, x) => a + x.count, 0);
  const bar = (rows: CountBy[] | undefined, type: string) => ({
    grid: { left: 110, right: 16, top: 8, bottom: 24 },
    // counts: whole-number ticks only
    xAxis: { type: 'value' as const, minInterval: 1 },
    yAxis: { type: 'category' as const, data: (rows ?? []).map((x) => en(type, x.key)) },
    series: [{ type: 'bar' as const, data: (rows ?? []).map((x) => x.count) }],
    tooltip: {},
  });
  const charts = useMemo(
    () => ({
      category: bar(r?.byCategory, 'Category'),
      department: bar(r?.byDepartment, 'Department'),
      satisfaction: {
        tooltip: {},
        series: [
          {
            type: 'pie' as const,
            radius: '65%',
            data: (r?.satisfaction ?? []).map((x) => ({ name: en('Satisfaction', x.key), value: x.count })),
          },
        ],
      },
      kpis: {
        tooltip: { trigger: 'axis' as const },
        legend: {},
        grid: { left: 40, right: 40, top: 32, bottom: 24 },
        xAxis: { type: 'category' as const, data: (kpis?.kpis ?? []).map((k) => k.period) },
        yAxis: [
          { type: 'value' as const, minInterval: 1 },
          { type: 'value' as const, max: 100 },
        ],
        series: [
          { name: t('complaints'), type: 'bar' as const, data: (kpis?.kpis ?? []).map((k) => k.complaints) },
          {
            name: t('slaAttainment'),
            type: 'line' as const,
            yAxisIndex: 1,
            data: (kpis?.kpis ?? []).map((k) => (k.slaAttainment ?? 0) * 100),
          },
          {
            name: t('callbackCoverage'),
            type: 'line' as const,
            yAxisIndex: 1,
            data: (kpis?.kpis ?? []).map((k) => (k.callbackCoverage ?? 0) * 100),
          },
          {
            name: t('satisfactionRate'),
            type: 'line' as const,
            yAxisIndex: 1,
            data: (kpis?.kpis ?? []).map((k) => (k.satisfactionRate ?? 0) * 100),
          },
        ],
      },
    }),
    [r, kpis, lang],
  );
  const exp = (kind: 'monthly-report' | 'monthly-complaints', fmt: 'csv' | 'xlsx') => {
    const q = new URLSearchParams({ month: m, lang: lang === 'zh' ? 'zh' : 'en', ...(siteId ? { siteId } : {}) });
    download(`/exports/${kind}.${fmt}?${q.toString()}`, session.token).catch((e: Error) => void message.error(e.message));
  };
  const figureColumns = [
    { title: t('complaints'), dataIndex: 'complaints' },
    { title: t('slaAttainment'), render: (_: unknown, x: Figures) => pct(x.sla.attainment) },
    { title: t('callbackCoverage'), render: (_: unknown, x: Figures) => pct(x.callbacks.coverage) },
    { title: t('satisfactionRate'), render: (_: unknown, x: Figures) => pct(x.satisfactionRate) },
  ];
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap>
        <DatePicker picker="month" value={month} onChange={(v) => v && setMonth(v)} allowClear={false} />
        <span data-field="report-site">
          <Select
            style={{ width: 240 }}
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('group')}
            value={siteId}
            onChange={setSiteId}
            options={sites.map((s) => ({ value: s.id, label: s.name }))}
          />
        </span>
        <Button onClick={() => exp('monthly-report', 'xlsx')}>
          {t('exports')} · {t('monthlyReport')} (xlsx)
        </Button>
        <Button onClick={() => exp('monthly-report', 'csv')}>csv</Button>
        <Button onClick={() => exp('monthly-complaints', 'xlsx')}>
          {t('exports')} · {t('complaints')} (xlsx)
        </Button>
      </Space>
      {error && <Tag color="error">{error.message}</Tag>}
      <Card size="small" title={`${t('monthlyReport')} · ${m}`} data-testid="report">
        <Row gutter={16}>
          <Col span={4} data-testid="stat-complaints">
            <Statistic title={t('complaints')} value={r?.complaints ?? 0} />
          </Col>
          <Col span={4}>
            <Statistic title={t('invalid')} value={r?.invalid ?? 0} />
          </Col>
          <Col span={4}>
            <Statistic title={t('resolved')} value={r?.resolved ?? 0} />
          </Col>
          <Col span={4}>
            <Statistic title={t('slaAttainment')} value={pct(r?.sla.attainment)} />
          </Col>
          <Col span={4}>
            <Statistic title={t('callbackCoverage')} value={pct(r?.callbacks.coverage)} />
          </Col>
          <Col span={4}>
            <Statistic title={t('satisfactionRate')} value={pct(r?.satisfactionRate)} />
          </Col>
        </Row>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('byCategory')}>
            <ReportChart option={charts.category} testId="chart-category" empty={!total(r?.byCategory)} emptyText={t('empty')} />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('byDepartment')}>
            <ReportChart option={charts.department} testId="chart-department" empty={!total(r?.byDepartment)} emptyText={t('empty')} />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('satisfaction')}>
            <ReportChart option={charts.satisfaction} testId="chart-satisfaction" empty={!total(r?.satisfaction)} emptyText={t('empty')} />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('slaAttainment')}>
        <ResponsiveTable
          size="small"
          pagination={false}
          rowKey="clock"
          dataSource={r?.sla.byClock ?? []}
          columns={[
            { title: t('clock'), render: (_, x) => en('SlaClock', x.clock) },
            { title: t('count'), dataIndex: 'deadlines' },
            { title: t('metOnTime'), dataIndex: 'metOnTime' },
            { title: t('breachedCount'), dataIndex: 'breached' },
            { title: t('slaAttainment'), render: (_, x) => pct(x.attainment) },
          ]}
        />
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('bySite')}>
            <ResponsiveTable<Figures & { siteId: string }>
              size="small"
              pagination={false}
              rowKey="siteId"
              dataSource={r?.bySite ?? []}
              columns={[{ title: t('site'), render: (_, x) => siteName(x.siteId) }, ...figureColumns]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('byArea')}>
            <ResponsiveTable<Figures & { siteId: string; areaId: string }>
              size="small"
              pagination={false}
              rowKey="areaId"
              dataSource={r?.byArea ?? []}
              columns={[{ title: t('area'), render: (_, x) => areaName(x.areaId) }, ...figureColumns]}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('kpis')}>
        <ReportChart option={charts.kpis} height={300} testId="chart-kpis" empty={!kpis?.kpis.length} emptyText={t('empty')} />
      </Card>
      <Card
        size="small"
        title={t('caseLibrary')}
        extra={<Input.Search allowClear onSearch={(v) => setSearch(v || undefined)} style={{ width: 240 }} />}
      >
        <ResponsiveTable
          size="small"
          rowKey="id"
          dataSource={cases?.caseLibrary.edges.map((e) => e.node) ?? []}
          locale={{ emptyText: t('empty') }}
          columns={[
            { title: t('title'), dataIndex: 'title' },
            { title: t('category'), render: (_, c) => en('Category', c.category) },
            { title: t('severity'), render: (_, c) => en('Severity', c.severity) },
            { title: t('summary'), dataIndex: 'summary' },
            { title: t('lessons'), dataIndex: 'lessons' },
            { title: '', render: (_, c) => c.tags.map((x) => <Tag key={x}>{x}</Tag>) },
          ]}
        />
      </Card>
    </Space>
  );
}
