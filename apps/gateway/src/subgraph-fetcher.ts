import { STATUS_CODES, type IncomingHttpHeaders } from 'node:http';
import { Agent, request } from 'undici';

/** What `RemoteGraphQLDataSource` reads of a fetch response. */
export interface SubgraphResponse {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  readonly url: string;
  readonly headers: { get(name: string): string | null };
  json(): Promise<unknown>;
  text(): Promise<string>;
}

export interface SubgraphFetcherOptions {
  /** A subgraph that has not sent its answer's headers, or stalls in its body, this long is given up on. */
  timeoutMs: number;
  /** Keep-alive connections per subgraph origin. */
  connections?: number;
  /** Identical query calls in flight at once share one subgraph call (default true); see `mergeKey`. */
  mergeInFlight?: boolean;
}

type SubgraphInit = { method?: string; headers?: Record<string, string>; body?: string };

/**
 * What makes two subgraph calls the same call: URL, headers (the caller's token, the gateway's secret)
 * but the `traceparent`, and body. Only for queries (Apollo Gateway's subgraph operations start with
 * `query` or `{`): a mutation is never merged. Undefined: not to be merged.
 */
export function mergeKey(url: string, init: SubgraphInit): string | undefined {
  const body = init.body;
  if (!body || !(body.startsWith('{"query":"query') || body.startsWith('{"query":"{'))) return undefined;
  const headers = init.headers ?? {};
  const names = Object.keys(headers)
    .filter((n) => n.toLowerCase() !== 'traceparent')
    .sort();
  return `${url}\n${names.map((n) => `${n.toLowerCase()}: ${headers[n]}`).join('\n')}\n\n${body}`;
}

/** A subgraph's answer read whole, for the callers of a merged call. */
interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/**
 * The gateway's fetcher for subgraph calls: undici's `request` over one keep-alive agent, not the
 * WHATWG `fetch` (whose Request, Headers, streams and abort signal per call were ~16 % of the
 * gateway's CPU on the console query). Takes what Apollo's data source passes (url, method, headers,
 * a string body) and answers with the part of a Response it reads.
 * undici 7 is the last major that supports Node 20 (8 needs Node 22.19).
 * Identical query calls in flight at once (same subgraph, token, secret and operation: a user's
 * console open twice, dashboard panels asking the same) share one call, as Apollo Router's and Hive
 * Gateway's query deduplication do; the shared call carries the first caller's `traceparent`.
 * Nothing is kept once answered.
 */
export function subgraphFetcher(options: SubgraphFetcherOptions) {
  const agent = new Agent({
    connections: options.connections ?? 32,
    keepAliveTimeout: 30_000,
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
  });
  const send = (url: string, init: SubgraphInit) =>
    request(url, { method: (init.method ?? 'POST') as 'POST', headers: init.headers, body: init.body, dispatcher: agent });
  // merged calls under way, by mergeKey; each entry leaves when its answer (or failure) is in
  const inFlight = new Map<string, Promise<Answer>>();
  const merged = async (key: string, url: string, init: SubgraphInit): Promise<SubgraphResponse> => {
    let shared = inFlight.get(key);
    if (!shared) {
      const call = send(url, init).then(async (res) => ({ status: res.statusCode, headers: res.headers, text: await res.body.text() }));
      shared = call;
      inFlight.set(key, call);
      const forget = () => inFlight.delete(key);
      call.then(forget, forget);
    }
    const { status, headers, text } = await shared;
    // each caller parses its own copy: Apollo Gateway merges the answers it is given into its result
    return answer(
      url,
      status,
      headers,
      () => Promise.resolve(JSON.parse(text)),
      () => Promise.resolve(text),
    );
  };
  const fetcher = async (url: string, init: SubgraphInit): Promise<SubgraphResponse> => {
    const key = options.mergeInFlight === false ? undefined : mergeKey(url, init);
    if (key) return merged(key, url, init);
    const res = await send(url, init);
    return answer(
      url,
      res.statusCode,
      res.headers,
      () => res.body.json(),
      () => res.body.text(),
    );
  };
  return Object.assign(fetcher, { close: () => agent.close(), inFlight: () => inFlight.size });
}

function answer(
  url: string,
  status: number,
  headers: IncomingHttpHeaders,
  json: () => Promise<unknown>,
  text: () => Promise<string>,
): SubgraphResponse {
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: STATUS_CODES[status] ?? '',
    url,
    headers: {
      get(name: string) {
        const v = headers[name.toLowerCase()];
        return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
      },
    },
    json,
    text,
  };
}
