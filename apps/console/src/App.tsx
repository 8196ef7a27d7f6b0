import { MenuOutlined } from '@ant-design/icons';
import { App as AntApp, Button, ConfigProvider, Drawer, Grid, Layout, Menu, Result, Space, Spin, Tag, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import 'dayjs/locale/zh-cn';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Provider, useQuery } from 'urql';
import { makeClient } from './api/client';
import { SITES } from './api/ops';
import { clearSession, loadSession, pagesFor, type PageKey, type Session } from './auth/session';
import { Ctx, type ConsoleContext, type SiteInfo } from './context';
import { I18nProvider, useI18n } from './i18n/i18n';
import { AreaManagerPage } from './pages/AreaManager';
import { CallbacksPage } from './pages/Callbacks';
import { CustomersPage } from './pages/Customers';
import { NotificationBell } from './notifications/Bell';
import { FrontDeskPage } from './pages/FrontDesk';
import { HandoverPage } from './pages/Handover';
import { QueuePage } from './pages/Queue';
import { RelationshipPage } from './pages/Relationship';
import { ReportsPage } from './pages/Reports';
import { SignInPage } from './pages/SignIn';
import { SurveysPage } from './pages/Surveys';
import { WorkOrderPage } from './pages/WorkOrder';

/** `#/queue`, `#/work-orders/<id>` ... */
function useHash(): [string, (h: string) => void] {
  const [hash, setHash] = useState(() => location.hash.replace(/^#\/?/, ''));
  useEffect(() => {
    const on = () => setHash(location.hash.replace(/^#\/?/, ''));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return [hash, (h) => (location.hash = `#/${h}`)];
}

const ROUTE: Record<PageKey, string> = {
  frontDesk: 'front-desk',
  queue: 'queue',
  areaManager: 'area',
  callbacks: 'callbacks',
  reports: 'reports',
  handover: 'handover',
  customers: 'customers',
  relationship: 'relationship',
  surveysPage: 'surveys',
};

function Shell({ session, onSignOut }: { session: Session; onSignOut: () => void }) {
  const { t, en, lang, setLang } = useI18n();
  const [hash, go] = useHash();
  const [{ data, fetching, error }] = useQuery<{ sites: SiteInfo[] }>({ query: SITES });
  const pages = pagesFor(session.roles);
  const sites = data?.sites ?? [];
  const ctx: ConsoleContext = useMemo(
    () => ({
      session,
      sites,
      zoneOf: (id) => sites.find((s) => s.id === id)?.timeZone,
      siteName: (id) => sites.find((s) => s.id === id)?.name ?? id ?? '',
      areaName: (id) => sites.flatMap((s) => s.areas).find((a) => a.id === id)?.name ?? id ?? '',
      go,
    }),
    [session, data],
  );
  const [route, arg] = hash.split('/');
  const current = (Object.keys(ROUTE) as PageKey[]).find((p) => ROUTE[p] === route) ?? (route === 'work-orders' ? 'queue' : pages[0]);
  let body;
  if (fetching && !data) body = <Spin />;
  else if (error) body = <Result status="error" title={error.message} />;
  else if (route === 'work-orders' && arg) body = <WorkOrderPage id={arg} />;
  else if (!current || !pages.includes(current)) body = <Result status="403" title={t('errorTitle')} />;
  else if (current === 'frontDesk') body = <FrontDeskPage />;
  else if (current === 'queue') body = <QueuePage />;
  else if (current === 'areaManager') body = <AreaManagerPage />;
  else if (current === 'callbacks') body = <CallbacksPage />;
  else if (current === 'handover') body = <HandoverPage />;
  else if (current === 'customers') body = <CustomersPage id={arg} key={arg ?? ''} />;
  else if (current === 'relationship') body = <RelationshipPage />;
  else if (current === 'surveysPage') body = <SurveysPage />;
  else body = <ReportsPage />;
  const narrow = !Grid.useBreakpoint().lg; // below 992 px: phones and tablets
  const [menuOpen, setMenuOpen] = useState(false);
  const pageItems = pages.map((p) => ({ key: p, label: <a href={`#/${ROUTE[p]}`}>{t(p)}</a> }));
  const whoami = (
    <Tag color="blue" data-testid="whoami" style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>
      {session.sub} · {session.roles.map((r) => en('Role', r)).join(', ')}
      {session.department ? ` · ${en('Department', session.department)}` : ''}
    </Tag>
  );
  const langSwitch = (
    <Button size="small" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} data-testid="lang">
      {t('language')}
    </Button>
  );
  const signOut = (
    <Button size="small" onClick={onSignOut} data-testid="sign-out">
      {t('signOut')}
    </Button>
  );
  return (
    <Ctx.Provider value={ctx}>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: narrow ? 8 : 16, paddingInline: narrow ? 8 : 16 }}>
          <Typography.Text strong ellipsis style={{ color: '#fff', whiteSpace: 'nowrap', minWidth: 0, flex: narrow ? 1 : undefined }}>
            {t('appTitle')}
          </Typography.Text>
          {!narrow && (
            <Menu
              theme="dark"
              mode="horizontal"
              style={{ flex: 1, minWidth: 0 }}
              selectedKeys={current ? [current] : []}
              items={pageItems}
            />
          )}
          <Space>
            <NotificationBell onUnauthenticated={onSignOut} />
            {narrow ? (
              <Button size="small" icon={<MenuOutlined />} onClick={() => setMenuOpen(true)} data-testid="menu" aria-label={t('menu')} />
            ) : (
              <>
                {whoami}
                {langSwitch}
                <Button size="small" href="/sandbox" target="_blank">
                  {t('sandbox')}
                </Button>
                {signOut}
              </>
            )}
          </Space>
          {/* a phone or a small tablet: the pages, the language and sign-out in a drawer */}
          <Drawer open={narrow && menuOpen} onClose={() => setMenuOpen(false)} placement="right" width={280} title={t('appTitle')}>
            <Space direction="vertical" style={{ width: '100%' }}>
              {whoami}
              <Menu
                mode="vertical"
                selectedKeys={current ? [current] : []}
                items={pageItems}
                onClick={() => setMenuOpen(false)}
                data-testid="drawer-menu"
              />
              <Space wrap>
                {langSwitch}
                {signOut}
              </Space>
            </Space>
          </Drawer>
        </Layout.Header>
        <Layout.Content style={{ padding: 16 }}>{body}</Layout.Content>
      </Layout>
    </Ctx.Provider>
  );
}

function Root() {
  const { lang } = useI18n();
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const signOut = useCallback(() => {
    clearSession();
    setSession(null);
  }, []);
  const client = useMemo(() => (session ? makeClient(session.token, signOut) : null), [session, signOut]);
  useEffect(() => {
    dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} componentSize="middle">
      <AntApp>
        {session && client ? (
          <Provider value={client}>
            <Shell session={session} onSignOut={signOut} />
          </Provider>
        ) : (
          <SignInPage onSignedIn={setSession} />
        )}
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <Root />
    </I18nProvider>
  );
}
