import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { ENUMS, ERROR_CODES, LABELS, REASONS, type LabelKey, type Lang } from './messages';

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  /** A label. */
  t: (key: LabelKey) => string;
  /** An enum value's label, e.g. en('Category', 'NOISE'). */
  en: (type: string, value: string | null | undefined) => string;
  /** An error code's label. */
  code: (code: string | undefined) => string;
  /** A server reason, translated when it is a known one. */
  reason: (reason: string) => string;
  /** An instant in the site's time zone (the browser's when unknown). */
  at: (iso: string | Date | null | undefined, timeZone?: string) => string;
}

const STORAGE = 'pc.lang';

export function makeI18n(lang: Lang, setLang: (l: Lang) => void = () => undefined): I18n {
  const idx = lang === 'zh' ? 0 : 1;
  return {
    lang,
    setLang,
    t: (key) => LABELS[key][lang],
    en: (type, value) => (value ? (ENUMS[type]?.[value]?.[idx] ?? value) : ''),
    code: (code) => (code && ERROR_CODES[code] ? ERROR_CODES[code][lang] : (code ?? ERROR_CODES.INTERNAL_SERVER_ERROR[lang])),
    reason: (reason) => {
      for (const [pattern, text] of REASONS) {
        const m = reason.match(pattern);
        if (m) return text(m)[lang];
      }
      return reason;
    },
    at: (iso, timeZone) => {
      if (!iso) return '';
      const d = typeof iso === 'string' ? new Date(iso) : iso;
      return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hour12: false,
      }).format(d);
    },
  };
}

const Ctx = createContext<I18n>(makeI18n('zh'));

export function initialLang(): Lang {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE);
  if (saved === 'zh' || saved === 'en') return saved;
  return typeof navigator !== 'undefined' && navigator.language.startsWith('zh') ? 'zh' : 'en';
}

export function I18nProvider({ children, lang: fixed }: { children: ReactNode; lang?: Lang }) {
  const [lang, setLangState] = useState<Lang>(fixed ?? initialLang());
  const value = useMemo(
    () =>
      makeI18n(lang, (l) => {
        localStorage.setItem(STORAGE, l);
        setLangState(l);
      }),
    [lang],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export const useI18n = (): I18n => useContext(Ctx);
