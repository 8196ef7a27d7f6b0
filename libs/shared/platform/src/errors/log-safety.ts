/**
 * What of an unknown error may be logged: its type, codes and message, without SQL or bound values
 * (a database driver's message carries the statement and its parameters: customer phones, names, text).
 */
export function safeError(e: unknown): Record<string, unknown> {
  if (!(e instanceof Error)) return { message: String(e).slice(0, 200) };
  const x = e as Error & { code?: unknown; sqlState?: unknown; query?: unknown; params?: unknown };
  const isDatabase = /Exception$/.test(x.name) || x.query !== undefined || typeof x.sqlState === 'string';
  // knex and MikroORM put "<sql with values> - <driver message>": keep the driver's part only
  const message = isDatabase ? x.message.split(' - ').pop() : x.message;
  return {
    type: x.name,
    code: x.code,
    sqlState: x.sqlState,
    message: maskPhones(message ?? '').slice(0, 500),
    stack: isDatabase ? undefined : x.stack,
  };
}

/** Phone numbers in free text keep their first 3 and last 2 digits. */
export function maskPhones(text: string): string {
  return text.replace(
    /(\+?\d[\d -]{1,2})([\d -]{4,14})(\d{2})(?!\d)/g,
    (_m, a: string, mid: string, b: string) => `${a}${mid.replace(/\d/g, '*')}${b}`,
  );
}

/** Free text that holds a phone number (as `maskPhones` finds them) or an e-mail address. */
export function containsContactDetails(text: string): boolean {
  return maskPhones(text) !== text || /[^\s@]+@[^\s@]+\.[^\s@]+/.test(text);
}
