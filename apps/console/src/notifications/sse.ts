/** One server-sent event (text/event-stream), as the stream's client sees it. */
export interface SseEvent {
  id?: string;
  event: string;
  data: string;
}

/**
 * Splits what has arrived of a text/event-stream into whole events and the unfinished rest (kept for
 * the next chunk). Comment lines (`: ping`) and `retry:` carry nothing for the console; an event
 * without `event:` is a "message"; several `data:` lines are joined with newlines (the HTML standard).
 */
export function parseSse(buffer: string): { events: SseEvent[]; rest: string } {
  const text = buffer.replace(/\r\n?/g, '\n');
  const blocks = text.split('\n\n');
  const rest = blocks.pop() ?? '';
  const events: SseEvent[] = [];
  for (const block of blocks) {
    let id: string | undefined;
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (!line || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id') id = value;
      else if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length) events.push({ id, event, data: data.join('\n') });
  }
  return { events, rest };
}

export interface StreamOptions {
  /** Where the stream is (the gateway's `/notifications/stream` on this origin). */
  url?: string;
  /** Wait before reconnecting after the stream ended or failed. */
  retryMs?: number;
  /** Whether the stream is connected (for the bell's dot). */
  onState?: (connected: boolean) => void;
  /** The token was refused: the stream stops (the session is over). */
  onUnauthenticated?: () => void;
  fetchImpl?: typeof fetch;
}

/**
 * Follows the caller's notifications: `GET /notifications/stream` with the bearer token (EventSource
 * cannot send one, hence fetch and a reader), reconnecting after a drop with `Last-Event-ID` so that
 * nothing is lost; the server repeats a few seconds on a resume, so ids already seen are dropped.
 * Answers a function that stops following.
 */
export function followNotifications<T extends { id: string }>(
  token: string,
  onNotification: (n: T) => void,
  options: StreamOptions = {},
): () => void {
  const { url = '/notifications/stream', retryMs = 2000, onState, onUnauthenticated, fetchImpl = fetch } = options;
  const abort = new AbortController();
  const seen = new Set<string>();
  let lastEventId: string | undefined;
  const run = async (): Promise<void> => {
    while (!abort.signal.aborted) {
      try {
        const res = await fetchImpl(url, {
          headers: {
            authorization: `Bearer ${token}`,
            accept: 'text/event-stream',
            ...(lastEventId ? { 'last-event-id': lastEventId } : {}),
          },
          signal: abort.signal,
        });
        if (res.status === 401) {
          onState?.(false);
          onUnauthenticated?.();
          return;
        }
        if (!res.ok || !res.body) throw new Error(`stream: HTTP ${res.status}`);
        onState?.(true);
        const reader = res.body.getReader();
        const decoder = new TextDecoder();
        let buffer = '';
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          const parsed = parseSse(buffer + decoder.decode(value, { stream: true }));
          buffer = parsed.rest;
          for (const e of parsed.events) {
            if (e.id) lastEventId = e.id;
            if (e.event !== 'notification') continue;
            const n = JSON.parse(e.data) as T;
            if (seen.has(n.id)) continue;
            seen.add(n.id);
            onNotification(n);
          }
        }
      } catch {
        if (abort.signal.aborted) return;
      }
      onState?.(false);
      await new Promise((r) => setTimeout(r, retryMs));
    }
  };
  void run();
  return () => abort.abort();
}

/** The window event a new notification raises: pages about its case refresh at once instead of at their next poll. */
export const NOTIFICATION_EVENT = 'pc:notification';
