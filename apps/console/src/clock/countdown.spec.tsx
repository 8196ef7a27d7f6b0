import { renderToStaticMarkup } from 'react-dom/server';
import { I18nProvider } from '../i18n/i18n';
import { Countdown } from './Countdown';
import { clockStart, clockState, formatSpan } from './countdown';

const H = 3_600_000;
const start = new Date('2026-11-30T01:00:00Z');
const at = (ms: number) => new Date(start.getTime() + ms);
const plan = { clock: 'PLAN', dueAt: at(H).toISOString(), round: 1 };

describe('countdown colours (issue 16: green, amber at 75 % of the time used, red when breached)', () => {
  it('is green while less than 75 % of the clock is used', () => {
    expect(clockState(plan, start, at(0)).colour).toBe('green');
    expect(clockState(plan, start, at(0.749 * H)).colour).toBe('green');
  });

  it('turns amber at 75 % of the time used, and stays amber until due', () => {
    expect(clockState(plan, start, at(0.75 * H)).colour).toBe('amber');
    expect(clockState(plan, start, at(H - 1000)).colour).toBe('amber');
  });

  it('is red once due, and red when the server marked it breached', () => {
    expect(clockState(plan, start, at(H)).colour).toBe('red');
    expect(clockState(plan, start, at(3 * H)).remainingMs).toBe(-2 * H);
    expect(clockState({ ...plan, breachedAt: at(H).toISOString() }, start, at(0.1 * H)).colour).toBe('red');
  });

  it('is grey when met (marked late when met after due) or cancelled', () => {
    expect(clockState({ ...plan, metAt: at(0.5 * H).toISOString() }, start, at(2 * H)).colour).toBe('met');
    expect(clockState({ ...plan, metAt: at(1.5 * H).toISOString() }, start, at(2 * H)).colour).toBe('metLate');
    expect(clockState({ ...plan, cancelledAt: at(0.2 * H).toISOString() }, start, at(2 * H)).colour).toBe('cancelled');
  });

  it('counts a rework round from the end of the round before it, the quality handover from the closing', () => {
    const wo = {
      receivedAt: start.toISOString(),
      closedAt: at(50 * H).toISOString(),
      rounds: [{ round: 1, endedAt: at(30 * H).toISOString() }],
    };
    expect(clockStart({ ...plan, round: 2 }, wo)).toBe(at(30 * H).toISOString());
    expect(clockStart(plan, wo)).toBe(start.toISOString());
    expect(clockStart({ clock: 'QUALITY_HANDOVER', dueAt: at(122 * H).toISOString() }, wo)).toBe(at(50 * H).toISOString());
  });

  it('formats spans as days, hours and minutes', () => {
    expect(formatSpan(26 * H)).toBe('1d 2h');
    expect(formatSpan(2 * H + 5 * 60_000)).toBe('2h 05m');
    expect(formatSpan(-42 * 60_000)).toBe('42m');
  });

  it('renders the tag in the colour of its state, with the clock and the time left, in either language', () => {
    const render = (now: Date, lang: 'en' | 'zh' = 'en') =>
      renderToStaticMarkup(
        <I18nProvider lang={lang}>
          <Countdown deadline={plan} startedAt={start.toISOString()} now={now} />
        </I18nProvider>,
      );
    const green = render(at(10 * 60_000));
    expect(green).toContain('data-colour="green"');
    expect(green).toContain('ant-tag-success');
    expect(green).toContain('Plan · left 50m');
    const amber = render(at(45 * 60_000));
    expect(amber).toContain('data-colour="amber"');
    expect(amber).toContain('ant-tag-warning');
    const red = render(at(70 * 60_000));
    expect(red).toContain('data-colour="red"');
    expect(red).toContain('ant-tag-error');
    expect(red).toContain('Plan · overdue by 10m');
    expect(render(at(70 * 60_000), 'zh')).toContain('处理方案 · 超时 10m');
  });
});
