/** @jest-environment jsdom */
import dayjs from 'dayjs';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { formFieldOf, mapServerErrors } from '../api/errors';
import { I18nProvider, makeI18n } from '../i18n/i18n';
import { ActionForm, inputOf, type FieldSpec } from './ActionForm';

const fields: FieldSpec[] = [
  { name: 'handlerId', label: 'handler', kind: 'text' },
  { name: 'note', label: 'note', kind: 'textarea' },
  { name: 'customerInformed.at', label: 'customerInformedAt', kind: 'datetime' },
  { name: 'customerInformed.via', label: 'customerInformedVia', kind: 'select', enumType: 'ContactMethod' },
];
const names = fields.map((f) => f.name);

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  // antd's responsive layout asks for media queries, which jsdom lacks
  // eslint-disable-next-line @typescript-eslint/unbound-method -- only whether it exists
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  })) as typeof window.matchMedia;
});
const badInput = (field: string, reason: string) => ({
  message: `${field}: ${reason}`,
  extensions: { code: 'BAD_USER_INPUT', field, reason },
});

describe('form error mapping (issue 16: the server field errors shown at the field)', () => {
  it('finds the form field a server error names: plain, input-prefixed, or the first of a nested input', () => {
    expect(formFieldOf('handlerId', names)).toBe('handlerId');
    expect(formFieldOf('input.note', names)).toBe('note');
    expect(formFieldOf('customerInformed', names)).toBe('customerInformed.at');
    expect(formFieldOf('customerInformed.via', names)).toBe('customerInformed.via');
    expect(formFieldOf('workOrderId', names)).toBeUndefined();
    expect(formFieldOf(undefined, names)).toBeUndefined();
  });

  it('puts field errors at their field and every other error above the form, with its code in the language chosen', () => {
    const errors = [
      badInput('handlerId', 'is not staff of ENGINEERING at demo-site-1'),
      badInput('customerInformed.at', 'must not be in the future'),
      { message: 'only the department head may sign off', extensions: { code: 'FORBIDDEN' } },
      badInput('workOrderId', 'no such work order'),
    ];
    const en = mapServerErrors(errors, names, makeI18n('en'));
    expect(en.fields).toEqual({
      handlerId: 'is not staff of ENGINEERING at demo-site-1',
      'customerInformed.at': 'must not be in the future',
    });
    expect(en.general).toEqual([
      'You may not do this — only the department head may sign off',
      'Check the input — workOrderId: no such work order',
    ]);
    const zh = mapServerErrors(errors, names, makeI18n('zh'));
    expect(zh.fields['customerInformed.at']).toBe('不能晚于当前时间');
    expect(zh.general[0]).toBe('无此权限 — only the department head may sign off');
  });

  it('after a submit, shows each server error at its form item and the rest as an alert above the form', async () => {
    const container = document.createElement('div');
    document.body.appendChild(container);
    const root = createRoot(container);
    const submitted: Record<string, unknown>[] = [];
    act(() =>
      root.render(
        <I18nProvider lang="en">
          <ActionForm
            fields={fields}
            submit="submit"
            onSubmit={(input) => {
              submitted.push(input);
              return Promise.resolve([
                badInput('handlerId', 'is inactive'),
                { message: 'closed', extensions: { code: 'CONFLICT', reason: 'the work order is closed' } },
              ]);
            }}
          />
        </I18nProvider>,
      ),
    );
    const item = (name: string) => container.querySelector(`[data-field="${name}"]`)!;
    expect(item('handlerId').textContent).not.toContain('is inactive');
    act(() => container.querySelector<HTMLButtonElement>('button[type="submit"]')!.click());
    for (let i = 0; i < 50 && !item('handlerId').textContent?.includes('is inactive'); i++) {
      await act(() => new Promise((r) => setTimeout(r, 20)));
    }
    expect(submitted).toHaveLength(1);
    expect(item('handlerId').textContent).toContain('is inactive');
    expect(item('handlerId').querySelector('.ant-form-item-explain-error')).not.toBeNull();
    expect(item('note').querySelector('.ant-form-item-explain-error')).toBeNull();
    const alert = container.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('Not possible in the current state — the work order is closed');
    expect(alert.compareDocumentPosition(item('handlerId')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    act(() => root.unmount());
  });

  it('builds the mutation input: nested by the dots, dates as ISO instants, blanks left out', () => {
    const at = dayjs('2026-11-30T02:00:00Z');
    expect(
      inputOf(fields, { handlerId: 'demo-department-staff', note: '', 'customerInformed.at': at, 'customerInformed.via': 'PHONE' }),
    ).toEqual({
      handlerId: 'demo-department-staff',
      customerInformed: { at: '2026-11-30T02:00:00.000Z', via: 'PHONE' },
    });
  });
});
