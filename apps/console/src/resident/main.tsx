import { StrictMode, useCallback, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { CATEGORIES, CLOCKS, LEVELS, NOTICE_KINDS, STATUS, TEXT, type Lang } from './texts';

/**
 * The resident page (`/r/<token>`, issue 30): one case for its customer, without a login. Plain React
 * and a small style sheet (no component library): it must load fast on a phone.
 */
interface ResidentCase {
  reference: string;
  siteName: string;
  category: string;
  description: string;
  status: string;
  receivedAt: string;
  timeline: { step: string; at: string }[];
  deadlines: { clock: string; dueAt: string; metAt?: string | null; breachedAt?: string | null }[];
  canConfirm: boolean;
  canRate: boolean;
  confirmedAt?: string | null;
  rating?: { satisfaction: string; comment?: string | null } | null;
  notices: { kind: string; title: string; body: string; startsAt: string; endsAt?: string | null }[];
}

/** The case's fields, written once in resident.html (the gateway runs the same selection to put the case into the page). */
const FIELDS = document.getElementById('case-fields')?.textContent ?? '';
/** The case as the gateway put it into the page (no round trip on a slow line), when it could. */
const INLINE = (() => {
  try {
    return JSON.parse(document.getElementById('case-data')?.textContent ?? 'null') as { residentCase?: ResidentCase } | null;
  } catch {
    return null;
  }
})();
const token = decodeURIComponent(location.pathname.replace(/^\/r\//, '').split('/')[0] ?? '');

async function call(
  query: string,
  variables: Record<string, unknown>,
): Promise<{ data?: Record<string, ResidentCase>; code?: string; reason?: string }> {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as {
    data?: Record<string, ResidentCase>;
    errors?: { message: string; extensions?: { code?: string; reason?: string } }[];
  };
  const e = body.errors?.[0];
  return e ? { code: e.extensions?.code, reason: e.extensions?.reason ?? e.message } : { data: body.data };
}

function App() {
  const [lang, setLang] = useState<Lang>(() => (localStorage.getItem('pc.lang') === 'en' ? 'en' : 'zh'));
  const [c, setCase] = useState<ResidentCase | null>(INLINE?.residentCase ?? null);
  const [error, setError] = useState<string | null>(null);
  const [level, setLevel] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const t = (k: keyof typeof TEXT) => TEXT[k][lang];
  const idx = lang === 'zh' ? 0 : 1;
  const at = (iso: string) =>
    new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Asia/Shanghai',
    }).format(new Date(iso));
  const explain = useCallback(
    (r: { code?: string; reason?: string }) =>
      setError(
        r.code === 'NOT_FOUND' ? TEXT.invalid[lang] : r.code === 'RATE_LIMITED' ? TEXT.busy[lang] : `${TEXT.failed[lang]}${r.reason ?? ''}`,
      ),
    [lang],
  );

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    localStorage.setItem('pc.lang', lang);
  }, [lang]);
  useEffect(() => {
    if (INLINE?.residentCase) return;
    void call(`query Case($t: String!) { residentCase(token: $t) { ${FIELDS} } }`, { t: token }).then((r) =>
      r.data ? setCase(r.data.residentCase) : explain(r),
    );
    // explain only translates the message: the case is read once
  }, []);

  const answer = async (input: Record<string, unknown>) => {
    setBusy(true);
    const r = await call(
      `mutation Answer($t: String!, $i: ResidentFeedbackInput!) { residentFeedback(token: $t, input: $i) { ${FIELDS} } }`,
      {
        t: token,
        i: input,
      },
    );
    setBusy(false);
    if (r.data) {
      setCase(r.data.residentFeedback);
      setError(null);
    } else explain(r);
  };

  return (
    <main>
      <header>
        <h1>{t('title')}</h1>
        <button className="lang" data-testid="lang" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
          {t('switch')}
        </button>
      </header>
      {error ? (
        <section className="error" data-testid="error">
          {error}
        </section>
      ) : null}
      {!c && !error ? <section>{t('loading')}</section> : null}
      {c ? (
        <>
          <section data-testid="case">
            <span className={`status ${c.status}`} data-testid="status">
              {STATUS[c.status]?.[idx] ?? c.status}
            </span>
            <p>
              {c.siteName} · {CATEGORIES[c.category]?.[idx] ?? c.category}
            </p>
            <p>{c.description}</p>
            <p className="muted">
              {t('reference')} {c.reference} · {t('received')} {at(c.receivedAt)}
            </p>
          </section>
          <section>
            <h2>{t('progress')}</h2>
            <ol className="timeline" data-testid="timeline">
              {c.timeline.map((s, i) => (
                <li key={i}>
                  {STATUS[s.step]?.[idx] ?? s.step}
                  <div className="muted">{at(s.at)}</div>
                </li>
              ))}
            </ol>
          </section>
          {c.deadlines.length ? (
            <section>
              <h2>{t('deadlines')}</h2>
              {c.deadlines.map((d, i) => (
                <p key={i}>
                  {CLOCKS[d.clock]?.[idx] ?? d.clock}: {at(d.dueAt)}{' '}
                  {d.breachedAt ? (
                    <span className="late">({t('late')})</span>
                  ) : d.metAt ? (
                    <span className="muted">({t('met')})</span>
                  ) : null}
                </p>
              ))}
            </section>
          ) : null}
          {c.notices.length ? (
            <section data-testid="notices">
              <h2>{t('notices')}</h2>
              {c.notices.map((n, i) => (
                <div key={i} className="notice">
                  <strong>
                    {NOTICE_KINDS[n.kind]?.[idx] ?? n.kind} · {n.title}
                  </strong>
                  <p>{n.body}</p>
                  <p className="muted">
                    {at(n.startsAt)}
                    {n.endsAt ? ` – ${at(n.endsAt)}` : ''}
                  </p>
                </div>
              ))}
            </section>
          ) : null}
          {c.canConfirm || c.confirmedAt ? (
            <section>
              <h2>{t('confirmTitle')}</h2>
              {c.confirmedAt ? (
                <p className="done" data-testid="confirmed">
                  {t('confirmed')} · {at(c.confirmedAt)}
                </p>
              ) : (
                <>
                  <p className="muted">{t('confirmHelp')}</p>
                  <button className="primary" data-testid="confirm" disabled={busy} onClick={() => void answer({ confirmResolved: true })}>
                    {t('confirm')}
                  </button>
                </>
              )}
            </section>
          ) : null}
          {c.canRate ? (
            <section>
              <h2>{t('rateTitle')}</h2>
              <div className="levels">
                {LEVELS.map(([value, zh, en]) => (
                  <button key={value} data-testid={`level-${value}`} aria-pressed={level === value} onClick={() => setLevel(value)}>
                    {lang === 'zh' ? zh : en}
                  </button>
                ))}
              </div>
              <textarea
                placeholder={t('comment')}
                value={comment}
                maxLength={2000}
                onChange={(e) => setComment(e.target.value)}
                data-testid="comment"
              />
              <button
                className="primary"
                data-testid="send"
                disabled={busy || !level}
                onClick={() => void answer({ satisfaction: level, ...(comment.trim() ? { comment: comment.trim() } : {}) })}
              >
                {t('send')}
              </button>
            </section>
          ) : c.rating ? (
            <section data-testid="rated">
              <p className="done">
                {t('rated')}: {LEVELS.find((l) => l[0] === c.rating!.satisfaction)?.[idx + 1]}
              </p>
              {c.rating.satisfaction === 'DISSATISFIED' ? <p>{t('reopened')}</p> : null}
            </section>
          ) : null}
        </>
      ) : null}
    </main>
  );
}

createRoot(document.getElementById('resident')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
