import type { I18n } from '../i18n/i18n';

/** A GraphQL error as the gateway sends it: `extensions.code`, and for input errors `field` and `reason`. */
export interface ServerError {
  message: string;
  extensions?: { code?: string; field?: string; reason?: string; [k: string]: unknown };
}

export interface MappedErrors {
  /** Messages to show at a form field, by the form's field name. */
  fields: Record<string, string>;
  /** Messages with no field of the form: shown above the form. */
  general: string[];
}

/** Which of the form's fields a server field names: `handlerId`, `input.handlerId`, `customerInformed` (→ `customerInformed.at`). */
export function formFieldOf(serverField: string | undefined, formFields: readonly string[]): string | undefined {
  if (!serverField) return undefined;
  const bare = serverField.replace(/^input\./, '');
  for (const candidate of [serverField, bare]) {
    if (formFields.includes(candidate)) return candidate;
    const nested = formFields.find((f) => f.startsWith(`${candidate}.`));
    if (nested) return nested;
  }
  const head = bare.split('.')[0];
  return formFields.includes(head) ? head : undefined;
}

/**
 * The server's errors mapped onto a form: an error naming a field of the form is shown at that field
 * (its reason, translated when known); every other error above the form, with its code's label.
 */
export function mapServerErrors(errors: readonly ServerError[], formFields: readonly string[], i18n: I18n): MappedErrors {
  const out: MappedErrors = { fields: {}, general: [] };
  for (const e of errors) {
    const reason = e.extensions?.reason ?? e.message;
    const field = formFieldOf(e.extensions?.field, formFields);
    if (field && !out.fields[field]) out.fields[field] = i18n.reason(reason);
    else {
      const where = e.extensions?.field ? `${e.extensions.field}: ` : '';
      out.general.push(`${i18n.code(e.extensions?.code)} — ${where}${i18n.reason(reason)}`);
    }
  }
  return out;
}

/** The GraphQL errors of an urql result (network errors become one general error). */
export function errorsOf(error: { graphQLErrors?: readonly ServerError[]; networkError?: Error } | undefined): ServerError[] {
  if (!error) return [];
  if (error.graphQLErrors?.length) return [...error.graphQLErrors];
  if (error.networkError) return [{ message: error.networkError.message, extensions: { code: 'NETWORK' } }];
  return [];
}
