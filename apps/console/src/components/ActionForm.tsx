import { Alert, Button, Checkbox, DatePicker, Form, Grid, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { mapServerErrors, type ServerError } from '../api/errors';
import { useI18n } from '../i18n/i18n';
import { ENUMS, type LabelKey } from '../i18n/messages';

export interface FieldSpec {
  /** The input's field; dots nest (`customerInformed.at`). */
  name: string;
  label: LabelKey;
  /** A label that is not one of the console's (a survey question's own text): shown instead of `label`. */
  text?: string;
  kind: 'text' | 'textarea' | 'select' | 'multi' | 'datetime' | 'bool' | 'number';
  /** Options from a GraphQL enum (labels translated). */
  enumType?: string;
  options?: { value: string; label: string }[];
  required?: boolean;
  initial?: unknown;
}

/** Form values → the mutation's input: nested by the dots of the names, dates as ISO instants, blanks left out. */
export function inputOf(fields: readonly FieldSpec[], values: Record<string, unknown>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const f of fields) {
    let v = values[f.name];
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && !v.length && f.kind !== 'multi')) continue;
    if (f.kind === 'datetime') v = (v as Dayjs).toISOString();
    const path = f.name.split('.');
    let at = input;
    for (const key of path.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>;
    at[path[path.length - 1]] = v;
  }
  return input;
}

/**
 * A lifecycle action as a form. The server's errors are shown where they belong: one that names a
 * field of the form at that field, every other one above the form.
 */
export function ActionForm({
  fields,
  submit,
  onSubmit,
  serverErrors: initialErrors = [],
  extra,
  testId,
  onChange,
}: {
  fields: FieldSpec[];
  submit: LabelKey;
  onSubmit: (input: Record<string, unknown>) => Promise<ServerError[] | void>;
  serverErrors?: ServerError[];
  extra?: ReactNode;
  testId?: string;
  /** Every change of a value, with all values (a form beside the fields that follows one: the photos follow the site). */
  onChange?: (values: Record<string, unknown>) => void;
}) {
  const i18n = useI18n();
  const { t, en } = i18n;
  const [form] = Form.useForm();
  const [errors, setErrors] = useState<ServerError[]>(initialErrors);
  const [busy, setBusy] = useState(false);
  // on a phone the submit button spans the width, within reach of a thumb
  const narrow = !Grid.useBreakpoint().lg;
  const mapped = mapServerErrors(
    errors,
    fields.map((f) => f.name),
    i18n,
  );
  const initialValues = Object.fromEntries(
    fields.filter((f) => f.initial !== undefined).map((f) => [f.name, f.kind === 'datetime' ? dayjs(f.initial as string) : f.initial]),
  );

  const finish = async (values: Record<string, unknown>) => {
    setBusy(true);
    try {
      const result = await onSubmit(inputOf(fields, values));
      setErrors(result ?? []);
      if (!result?.length) form.resetFields();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={(v: Record<string, unknown>) => void finish(v)}
      onValuesChange={(changed: Record<string, unknown>, all: Record<string, unknown>) => {
        setErrors((errs) =>
          errs.filter((e) => !Object.keys(changed).some((k) => e.extensions?.field?.replace(/^input\./, '').startsWith(k))),
        );
        onChange?.(all);
      }}
      data-testid={testId}
    >
      {mapped.general.map((g) => (
        <Alert key={g} type="error" showIcon message={t('errorTitle')} description={g} style={{ marginBottom: 12 }} role="alert" />
      ))}
      {fields.map((f) => {
        const options =
          f.options ?? (f.enumType ? Object.keys(ENUMS[f.enumType] ?? {}).map((v) => ({ value: v, label: en(f.enumType!, v) })) : []);
        const help = mapped.fields[f.name];
        return (
          <Form.Item
            key={f.name}
            name={f.name}
            label={f.kind === 'bool' ? undefined : (f.text ?? t(f.label))}
            valuePropName={f.kind === 'bool' ? 'checked' : 'value'}
            rules={f.required ? [{ required: true, message: `${f.text ?? t(f.label)} ✱` }] : []}
            validateStatus={help ? 'error' : undefined}
            help={help}
            data-field={f.name}
          >
            {f.kind === 'text' ? (
              <Input />
            ) : f.kind === 'textarea' ? (
              <Input.TextArea rows={3} />
            ) : f.kind === 'select' ? (
              <Select options={options} showSearch optionFilterProp="label" allowClear />
            ) : f.kind === 'multi' ? (
              <Select mode="multiple" options={options} optionFilterProp="label" allowClear />
            ) : f.kind === 'datetime' ? (
              <DatePicker showTime style={{ width: '100%' }} />
            ) : f.kind === 'number' ? (
              <InputNumber style={{ width: '100%' }} />
            ) : (
              <Checkbox>{f.text ?? t(f.label)}</Checkbox>
            )}
          </Form.Item>
        );
      })}
      {extra}
      <Button type="primary" htmlType="submit" loading={busy} block={narrow} size={narrow ? 'large' : 'middle'}>
        {t(submit)}
      </Button>
    </Form>
  );
}
