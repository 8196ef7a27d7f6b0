import { App, Button, Card, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { errorsOf } from '../api/errors';
import { CLOSE_SURVEY, LAUNCH_SURVEY, RECORD_SURVEY_RESPONSE, SAVE_QUESTIONNAIRE, SURVEY_SAMPLE, SURVEYS } from '../api/ops';
import { ActionForm, type FieldSpec } from '../components/ActionForm';
import { ResponsiveTable } from '../components/ResponsiveTable';
import { useConsole } from '../context';
import { useI18n } from '../i18n/i18n';
import { SurveyResultsView, pct, shareOf } from './SurveyResults';
import type { Campaign, Question } from './survey-types';

interface SurveysData {
  surveys: Campaign[];
  questionnaires: { id: string; name: string; version: number; questions: Question[] }[];
}

/** The period a kind's campaign of today has (YYYY-MM, YYYY-Qn, YYYY). */
function periodNow(kind: string): string {
  const d = new Date();
  const y = d.getFullYear();
  if (kind === 'MONTHLY_VISIT') return `${y}-${String(d.getMonth() + 1).padStart(2, '0')}`;
  if (kind === 'QUARTERLY_QUESTIONNAIRE') return `${y}-Q${Math.floor(d.getMonth() / 3) + 1}`;
  return String(y);
}

/** Survey campaigns (issue 31): questionnaires, opening a campaign with its sample, recording answers, results. */
export function SurveysPage() {
  const { t, en, at } = useI18n();
  const { sites, zoneOf, session } = useConsole();
  const { message } = App.useApp();
  const [siteId, setSiteId] = useState(sites[0]?.id);
  const [tab, setTab] = useState('campaigns');
  const [chosen, setChosen] = useState<string | undefined>();
  const [kind, setKind] = useState('MONTHLY_VISIT');
  const fresh = { requestPolicy: 'network-only' as const };
  const [q, refetch] = useQuery<SurveysData>({ query: SURVEYS, variables: { siteId }, pause: !siteId });
  const campaigns = q.data?.surveys ?? [];
  const open = campaigns.filter((c) => c.status === 'OPEN');
  const answeringId = chosen && open.some((c) => c.id === chosen) ? chosen : open[0]?.id;
  const answering = open.find((c) => c.id === answeringId);
  const [sampleQ, refetchSample] = useQuery<{ surveySample: { customerId: string; areaId?: string | null; kind?: string | null }[] }>({
    query: SURVEY_SAMPLE,
    variables: { surveyId: answeringId },
    pause: !answeringId,
  });
  const [, saveQuestionnaire] = useMutation(SAVE_QUESTIONNAIRE);
  const [, launch] = useMutation(LAUNCH_SURVEY);
  const [, close] = useMutation(CLOSE_SURVEY);
  const [, respond] = useMutation(RECORD_SURVEY_RESPONSE);
  const mayAuthor = ['ADMIN', 'QUALITY', 'SITE_HEAD', 'AREA_MANAGER'].some((r) => session.roles.includes(r));
  const done = () => {
    void message.success(t('done'));
    refetch(fresh);
  };

  const list = (
    <ResponsiveTable
      rowKey="id"
      size="small"
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      dataSource={campaigns}
      locale={{ emptyText: t('empty') }}
      onRow={(c) => ({ onClick: () => setChosen(c.id), 'data-testid': `campaign-${c.period}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('period'), render: (_, c) => <a onClick={() => (setChosen(c.id), setTab('results'))}>{c.period}</a> },
        { title: t('surveyKind'), render: (_, c) => en('SurveyKind', c.kind) },
        {
          title: t('status'),
          render: (_, c) => <Tag color={c.status === 'OPEN' ? 'green' : 'default'}>{en('SurveyStatus', c.status)}</Tag>,
        },
        { title: t('sampleSize'), render: (_, c) => c.sampleSize ?? '—' },
        { title: t('responses'), dataIndex: 'responses' },
        { title: t('responseRate'), render: (_, c) => <span data-testid={`rate-${c.period}`}>{pct(c.responseRate)}</span> },
        { title: t('satisfactionShare'), render: (_, c) => pct(shareOf(c.results)) },
        {
          title: t('closesAt'),
          render: (_, c) =>
            c.status === 'OPEN' && mayAuthor ? (
              <Space>
                {at(c.closesAt, zoneOf(c.siteId)) || '—'}
                <Button
                  size="small"
                  onClick={() =>
                    void close({ id: c.id }).then((r) => {
                      if (r.error) void message.error(r.error.message);
                      else done();
                    })
                  }
                >
                  {t('closeCampaign')}
                </Button>
              </Space>
            ) : (
              at(c.closesAt, zoneOf(c.siteId)) || '—'
            ),
        },
      ]}
    />
  );

  const questionnaireForm = (
    <Card size="small" title={t('saveQuestionnaire')}>
      <ActionForm
        testId="save-questionnaire"
        submit="saveQuestionnaire"
        fields={[
          { name: 'name', label: 'questionnaireName', kind: 'text', required: true },
          { name: 'lines', label: 'questionLines', kind: 'textarea', required: true },
          { name: 'freeText', label: 'withFreeText', kind: 'bool' },
        ]}
        onSubmit={async (input) => {
          const lines = (typeof input.lines === 'string' ? input.lines : '')
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean);
          const questions = [
            ...lines.map((text) => ({ text, kind: 'SCALE' })),
            ...(input.freeText ? [{ text: t('otherViews'), kind: 'TEXT', category: t('otherViews') }] : []),
          ];
          const r = await saveQuestionnaire({ input: { name: input.name, questions } });
          if (r.error) return errorsOf(r.error);
          done();
        }}
      />
    </Card>
  );

  const launchFields: FieldSpec[] = [
    { name: 'kind', label: 'surveyKind', kind: 'select', enumType: 'SurveyKind', required: true, initial: kind },
    { name: 'period', label: 'period', kind: 'text', required: true, initial: periodNow(kind) },
    {
      name: 'questionnaireId',
      label: 'questionnaire',
      kind: 'select',
      required: true,
      options: (q.data?.questionnaires ?? []).map((x) => ({ value: x.id, label: `${x.name} v${x.version}` })),
    },
    { name: 'sample.mode', label: 'sampleMode', kind: 'select', enumType: 'SampleMode', required: true, initial: 'ALL' },
    { name: 'sample.size', label: 'sampleSize', kind: 'number' },
    { name: 'sample.share', label: 'sampleShare', kind: 'number' },
    { name: 'sample.stratify', label: 'stratify', kind: 'bool' },
    { name: 'sample.excludeSurveyedWithinDays', label: 'excludeDays', kind: 'number' },
    { name: 'closesAt', label: 'closesAt', kind: 'datetime' },
    ...(session.roles.includes('QUALITY') || session.roles.includes('ADMIN')
      ? [{ name: 'wholeOrganisation', label: 'wholeOrganisation', kind: 'bool' } as FieldSpec]
      : []),
  ];
  const launchForm = (
    <Card size="small" title={t('launchCampaign')}>
      <ActionForm
        testId="launch-campaign"
        submit="launchCampaign"
        fields={launchFields}
        onChange={(v) => typeof v.kind === 'string' && v.kind !== kind && setKind(v.kind)}
        onSubmit={async ({ wholeOrganisation, ...input }) => {
          const r = await launch({ input: { ...input, ...(wholeOrganisation ? {} : { siteId }) } });
          if (r.error) return errorsOf(r.error);
          done();
        }}
      />
    </Card>
  );

  // one form field per question; a dissatisfied answer needs its follow-up plan (domain.md §4)
  const answerFields: FieldSpec[] = answering
    ? [
        {
          name: 'customerId',
          label: 'sampledCustomer',
          kind: 'select',
          required: true,
          options: (sampleQ.data?.surveySample ?? []).map((c) => ({ value: c.customerId, label: c.customerId })),
        },
        ...answering.items.map((it, i): FieldSpec => {
          // the question itself is the label
          const base = { name: `q${i}`, label: 'questionnaire' as const, text: `${i + 1}. ${it.text}`, required: true };
          if (it.kind === 'SCALE') return { ...base, kind: 'select', enumType: 'Satisfaction' };
          if (it.kind === 'CHOICE') return { ...base, kind: 'select', options: (it.options ?? []).map((o) => ({ value: o, label: o })) };
          return { ...base, kind: 'textarea' };
        }),
        { name: 'plan', label: 'followUpPlan', kind: 'textarea' },
        { name: 'ownerId', label: 'followUpOwner', kind: 'text', initial: session.sub },
        { name: 'dueAt', label: 'followUpDue', kind: 'datetime' },
      ]
    : [];
  const answeringView = (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Select
        style={{ minWidth: 240 }}
        value={answeringId}
        onChange={setChosen}
        data-testid="answer-campaign"
        options={open.map((c) => ({ value: c.id, label: `${en('SurveyKind', c.kind)} ${c.period}` }))}
      />
      {answering ? (
        <ActionForm
          key={answering.id}
          testId="record-answers"
          submit="recordAnswers"
          fields={answerFields}
          onSubmit={async (input) => {
            const answers = answering.items.map((it, i) => {
              const v = input[`q${i}`] as string;
              return it.kind === 'SCALE'
                ? { question: i, satisfaction: v }
                : it.kind === 'CHOICE'
                  ? { question: i, choice: v }
                  : { question: i, comment: v };
            });
            const followUps = answers
              .filter((a) => a.satisfaction === 'DISSATISFIED')
              .map((a) => ({ question: a.question, plan: input.plan, ownerId: input.ownerId, dueAt: input.dueAt }));
            const r = await respond({ input: { surveyId: answering.id, customerId: input.customerId, answers, followUps } });
            if (r.error) return errorsOf(r.error);
            done();
            refetchSample(fresh);
          }}
        />
      ) : (
        <Typography.Text type="secondary">{t('empty')}</Typography.Text>
      )}
    </Space>
  );

  const resultsId = chosen ?? campaigns[0]?.id;
  return (
    <Card
      title={t('surveysPage')}
      extra={
        <Select
          style={{ minWidth: 180 }}
          value={siteId}
          onChange={(v) => (setSiteId(v), setChosen(undefined))}
          options={sites.map((s) => ({ value: s.id, label: s.name }))}
          data-testid="surveys-site"
        />
      }
    >
      {q.error ? <Typography.Text type="danger">{q.error.message}</Typography.Text> : null}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'campaigns',
            label: t('campaigns'),
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                {list}
                {mayAuthor ? launchForm : null}
                {mayAuthor ? questionnaireForm : null}
              </Space>
            ),
          },
          { key: 'answering', label: t('answering'), children: answeringView },
          {
            key: 'results',
            label: t('results'),
            children: resultsId ? (
              <SurveyResultsView surveyId={resultsId} campaigns={campaigns} />
            ) : (
              <Typography.Text>{t('empty')}</Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}
