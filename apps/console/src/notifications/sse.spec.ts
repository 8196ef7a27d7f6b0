import { followNotifications, parseSse } from './sse';

describe('the console reads its live notifications (issue 27: the bell, over GET /notifications/stream)', () => {
  it('parses whole events, keeps an unfinished one for the next chunk, skips comments and joins data lines', () => {
    const first = parseSse('retry: 2000\n: connected\n\nid: 17\nevent: notification\ndata: {"id":"a"}\n\nid: 18\nevent: notif');
    expect(first.events).toEqual([{ id: '17', event: 'notification', data: '{"id":"a"}' }]);
    expect(first.rest).toBe('id: 18\nevent: notif');
    const second = parseSse(`${first.rest}ication\r\ndata: {"id":\r\ndata: "b"}\r\n\r\n: ping\n\n`);
    expect(second.events).toEqual([{ id: '18', event: 'notification', data: '{"id":\n"b"}' }]);
    expect(second.rest).toBe('');
    expect(parseSse('event: notification\nid: 3\n\n').events).toEqual([]); // no data: nothing to show
  });

  it('reconnects after a drop with Last-Event-ID, and shows a message repeated by the resume once', async () => {
    const calls: (string | undefined)[] = [];
    const bodies = [
      'id: 100\nevent: notification\ndata: {"id":"n1"}\n\n',
      'id: 100\nevent: notification\ndata: {"id":"n1"}\n\nid: 250\nevent: notification\ndata: {"id":"n2"}\n\n',
    ];
    const fakeFetch = ((_url: string, init: RequestInit) => {
      calls.push((init.headers as Record<string, string>)['last-event-id']);
      const body = bodies[calls.length - 1];
      if (body === undefined) return Promise.resolve(new Response(null, { status: 401 }));
      return Promise.resolve(new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } }));
    }) as typeof fetch;
    const got: string[] = [];
    let unauthenticated = false;
    const stop = followNotifications<{ id: string }>('token', (n) => got.push(n.id), {
      fetchImpl: fakeFetch,
      retryMs: 1,
      onUnauthenticated: () => (unauthenticated = true),
    });
    for (let i = 0; i < 200 && !unauthenticated; i += 1) await new Promise((r) => setTimeout(r, 5));
    stop();
    expect(got).toEqual(['n1', 'n2']);
    expect(calls).toEqual([undefined, '100', '250']);
    expect(unauthenticated).toBe(true);
  });
});
