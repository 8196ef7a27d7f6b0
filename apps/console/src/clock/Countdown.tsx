import { Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { clockState, formatSpan, type ClockColour, type ClockLike } from './countdown';

const TAG: Record<ClockColour, string> = {
  green: 'success',
  amber: 'warning',
  red: 'error',
  met: 'default',
  metLate: 'default',
  cancelled: 'default',
};

/** The time now, ticking every second while mounted. */
export function useNow(intervalMs = 1000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

/** One clock as a coloured tag: its name and the time left (or by how much it is overdue). */
export function Countdown({ deadline, startedAt, now }: { deadline: ClockLike; startedAt: string; now: Date }) {
  const { t, en } = useI18n();
  const s = clockState(deadline, startedAt, now);
  let text: string;
  if (s.colour === 'cancelled') text = '—';
  else if (s.colour === 'met' || s.colour === 'metLate') text = `${t('met')}${s.colour === 'metLate' ? ' ⚠' : ''}`;
  else if (s.remainingMs! <= 0) text = `${t('overdueBy')} ${formatSpan(s.remainingMs!)}`;
  else text = `${t('left')} ${formatSpan(s.remainingMs!)}`;
  return (
    <Tag color={TAG[s.colour]} data-clock={deadline.clock} data-colour={s.colour} style={{ marginBottom: 4 }}>
      {en('SlaClock', deadline.clock)} · {text}
    </Tag>
  );
}
