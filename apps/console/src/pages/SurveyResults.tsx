import { App, Button, Card, Col, List, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useQuery } from 'urql';
import { download } from '../api/download';
import { SURVEY_RESULTS } from '../api/ops';
import { ReportChart } from '../components/Chart';
import { ResponsiveTable } from '../components/ResponsiveTable';
import { useConsole } from '../context';
import { useI18n } from '../i18n/i18n';
import type { Campaign } from './survey-types';

interface Index {
  answers?: number;
  share: number | null;
  score: number | null;
}
interface Results {
  surveyId: string;
  period: string;
  sampleSize: number | null;
  responses: number;
  responseRate: number | null;
  index: Index;
  previous: { period: string; index: Index; shareChange: number | null; scoreChange: number | null } | null;
  questions: {
    question: number;
    text: string;
    kind: string;
    verySatisfied: number;
    satisfied: number;
    basicallySatisfied: number;
    dissatisfied: number;
    choices: { option: string; count: number }[];
  }[];
  areas: { areaId: string | null; responses: number; index: Index }[];
  texts: { category: string; count: number; answers: string[] }[];
  dissatisfied: {
    responseId: string;
    question: number;
    customerId: string | null;
    followUp: { id: string; plan: string; ownerId: string; dueAt: string; doneAt?: string | null; overdueAt?: string | null } | null;
  }[];
  group: { groupId: string; responses: number; responseRate: number | null; index: Index } | null;
}

const LEVELS = ['verySatisfied', 'satisfied', 'basicallySatisfied', 'dissatisfied'] as const;
const LEVEL_ENUM = ['VERY_SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'];
const COLOURS = ['#389e0d', '#95de64', '#faad14', '#cf1322'];
/** A share as a percentage with one decimal; — for none. */
export const pct = (n: number | null | undefined) => (n === null || n === undefined ? '—' : `${Math.round(n * 1000) / 10}%`);
const signed = (n: number | null | undefined, unit = '') => (n === null || n === undefined ? '—' : `${n > 0 ? '+' : ''}${n}${unit}`);

/** The share of very satisfied + satisfied over a campaign's four-level answers (as analytics' index). */
export function shareOf(results: Campaign['results']): number | null {
  const all = results.reduce((a, r) => a + r.verySatisfied + r.satisfied + r.basicallySatisfied + r.dissatisfied, 0);
  return all ? Math.round((results.reduce((a, r) => a + r.verySatisfied + r.satisfied, 0) / all) * 10_000) / 10_000 : null;
}

/** A campaign's results from analytics: the index, the levels per question, the trend, areas, words, dissatisfied items. */
export function SurveyResultsView({ surveyId, campaigns }: { surveyId: string; campaigns: Campaign[] }) {
  const { t, en, at, lang } = useI18n();
  const { areaName, zoneOf, session } = useConsole();
  const { message } = App.useApp();
  const exportAs = (fmt: 'csv' | 'xlsx') =>
    download(`/exports/survey-results.${fmt}?surveyId=${encodeURIComponent(surveyId)}&lang=${lang}`, session.token).catch(
      (e: Error) => void message.error(e.message),
    );
  const [q] = useQuery<{ surveyResults: Results }>({ query: SURVEY_RESULTS, variables: { surveyId }, requestPolicy: 'cache-and-network' });
  const r = q.data?.surveyResults;
  const campaign = campaigns.find((c) => c.id === surveyId);
  const scale = (r?.questions ?? []).filter((x) => x.kind === 'SCALE');
  const perQuestion = useMemo(
    () => ({
      tooltip: { trigger: 'axis' as const },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 32, containLabel: true },
      xAxis: { type: 'value' as const, minInterval: 1 },
      yAxis: { type: 'category' as const, data: scale.map((x) => `${x.question + 1}. ${x.text}`), inverse: true },
      series: LEVELS.map((l, i) => ({
        name: en('Satisfaction', LEVEL_ENUM[i]),
        type: 'bar' as const,
        stack: 'levels',
        color: COLOURS[i],
        data: scale.map((x) => x[l]),
      })),
    }),
    [r, en],
  );
  const same = campaigns.filter((c) => c.kind === campaign?.kind).sort((a, b) => a.period.localeCompare(b.period));
  const trend = useMemo(
    () => ({
      tooltip: { trigger: 'axis' as const },
      grid: { left: 8, right: 16, bottom: 8, top: 16, containLabel: true },
      xAxis: { type: 'category' as const, data: same.map((c) => c.period) },
      yAxis: { type: 'value' as const, min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          type: 'line' as const,
          data: same.map((c) => (shareOf(c.results) === null ? null : Math.round(shareOf(c.results)! * 1000) / 10)),
        },
      ],
    }),
    [campaigns, campaign],
  );
  if (q.error) return <Typography.Text type="danger">{q.error.message}</Typography.Text>;
  if (!r) return <Typography.Text type="secondary">{t('empty')}</Typography.Text>;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="survey-results">
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Statistic title={t('responseRate')} value={`${r.responses} / ${r.sampleSize ?? '—'} · ${pct(r.responseRate)}`} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('satisfactionShare')} value={pct(r.index.share)} valueStyle={{ fontSize: 22 }} />
          <span data-testid="results-share" style={{ display: 'none' }}>
            {r.index.share ?? ''}
          </span>
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('satisfactionScore')} value={r.index.score ?? '—'} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={`${t('sinceLast')}${r.previous ? ` (${r.previous.period})` : ''}`}
            value={
              r.previous
                ? `${signed(r.previous.shareChange === null ? null : Math.round(r.previous.shareChange * 1000) / 10, ' pt')} · ${signed(r.previous.scoreChange)}`
                : '—'
            }
          />
        </Col>
      </Row>
      <Space>
        <Button onClick={() => void exportAs('xlsx')} data-testid="export-survey-xlsx">
          {t('exports')} (xlsx)
        </Button>
        <Button onClick={() => void exportAs('csv')}>{t('exports')} (csv)</Button>
      </Space>
      {r.group ? (
        <Typography.Text>
          {t('groupResults')}: {r.group.responses} · {pct(r.group.responseRate)} · {pct(r.group.index.share)} · {r.group.index.score ?? '—'}
        </Typography.Text>
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('perQuestion')}>
            <ReportChart
              option={perQuestion}
              empty={!r.index.answers}
              emptyText={t('empty')}
              height={Math.max(160, 48 * scale.length + 60)}
              testId="chart-per-question"
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('trend')}>
            <ReportChart
              option={trend}
              empty={!same.some((c) => shareOf(c.results) !== null)}
              emptyText={t('empty')}
              testId="chart-trend"
            />
          </Card>
        </Col>
      </Row>
      {r.questions
        .filter((x) => x.kind === 'CHOICE')
        .map((x) => (
          <Typography.Text key={x.question}>
            {x.question + 1}. {x.text}: {x.choices.map((c) => `${c.option} ${c.count}`).join(' · ')}
          </Typography.Text>
        ))}
      <ResponsiveTable
        rowKey={(a) => a.areaId ?? '-'}
        size="small"
        pagination={false}
        dataSource={r.areas}
        locale={{ emptyText: t('empty') }}
        columns={[
          { title: t('perArea'), render: (_, a) => (a.areaId ? areaName(a.areaId) : '—') },
          { title: t('responses'), dataIndex: 'responses' },
          { title: t('satisfactionShare'), render: (_, a) => pct(a.index.share) },
          { title: t('satisfactionScore'), render: (_, a) => a.index.score ?? '—' },
        ]}
      />
      <Card size="small" title={t('dissatisfiedItems')}>
        <List
          dataSource={r.dissatisfied}
          locale={{ emptyText: t('empty') }}
          renderItem={(d) => (
            <List.Item key={`${d.responseId}-${d.question}`} data-testid="dissatisfied-item">
              <Space wrap>
                <Tag color="red">{d.question + 1}</Tag>
                {d.customerId ? <a href={`#/customers/${encodeURIComponent(d.customerId)}`}>{d.customerId}</a> : null}
                {d.followUp ? (
                  <>
                    <Typography.Text>{d.followUp.plan}</Typography.Text>
                    <Typography.Text type="secondary">
                      {d.followUp.ownerId} · {at(d.followUp.dueAt, zoneOf(campaign?.siteId))}
                    </Typography.Text>
                    {d.followUp.doneAt ? (
                      <Tag color="green">{t('done')}</Tag>
                    ) : d.followUp.overdueAt ? (
                      <Tag color="red">{t('overdue')}</Tag>
                    ) : null}
                  </>
                ) : (
                  <Typography.Text type="secondary">{t('noFollowUp')}</Typography.Text>
                )}
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t('textAnswers')}>
        {r.texts.length ? (
          r.texts.map((g) => (
            <div key={g.category}>
              <Typography.Text strong>
                {g.category} ({g.count})
              </Typography.Text>
              <ul>
                {g.answers.map((a, i) => (
                  <li key={i}>{a}</li>
                ))}
              </ul>
            </div>
          ))
        ) : (
          <Typography.Text type="secondary">{t('empty')}</Typography.Text>
        )}
      </Card>
    </Space>
  );
}
