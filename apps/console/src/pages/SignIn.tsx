import { Alert, Button, Card, List, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { completeOidc, demoSignIn, fetchConsoleConfig, startOidc, type ConsoleConfig, type Session } from '../auth/session';
import { useI18n } from '../i18n/i18n';

/** Demo: pick one of the demo users. Production: the organisation's OIDC sign-in (code + PKCE). */
export function SignInPage({ onSignedIn }: { onSignedIn: (s: Session) => void }) {
  const { t, en, lang, setLang } = useI18n();
  const [config, setConfig] = useState<ConsoleConfig | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    fetchConsoleConfig()
      .then(async (c) => {
        setConfig(c);
        const back = await completeOidc(c.oidc);
        if (back) onSignedIn(back);
      })
      .catch((e: Error) => setError(e.message));
  }, [onSignedIn]);
  const run = (p: Promise<Session | void>) => p.then((s) => s && onSignedIn(s)).catch((e: Error) => setError(e.message));
  return (
    <div style={{ maxWidth: 720, margin: '48px auto', padding: 16 }}>
      <Card
        title={t('appTitle')}
        extra={
          <Button size="small" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} data-testid="lang">
            {t('language')}
          </Button>
        }
      >
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        {!config && !error && <Spin />}
        {config?.oidc && (
          <Button type="primary" data-testid="sign-in-oidc" onClick={() => void run(startOidc(config.oidc!))} style={{ marginBottom: 16 }}>
            {t('signInOidc')}
          </Button>
        )}
        {config && !config.oidc && !config.demoUsers.length && <Alert type="warning" message={t('signInNone')} />}
        {!!config?.demoUsers.length && (
          <>
            <Typography.Title level={5}>{t('signInDemo')}</Typography.Title>
            <List
              dataSource={config.demoUsers}
              renderItem={(u) => (
                <List.Item
                  actions={[
                    <Button key="in" type="link" data-testid={`sign-in-${u.id}`} onClick={() => void run(demoSignIn(u.id))}>
                      {t('signIn')}
                    </Button>,
                  ]}
                >
                  <Space wrap>
                    <Typography.Text code>{u.id}</Typography.Text>
                    {u.roles.map((r) => (
                      <Tag key={r}>{en('Role', r)}</Tag>
                    ))}
                    {u.department && <Tag color="purple">{en('Department', u.department)}</Tag>}
                  </Space>
                </List.Item>
              )}
            />
          </>
        )}
      </Card>
    </div>
  );
}
