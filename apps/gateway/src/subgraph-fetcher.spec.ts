import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { subgraphFetcher } from './subgraph-fetcher';

describe('subgraphFetcher (the gateway’s calls to its subgraphs)', () => {
  let server: Server;
  let url: string;
  const seen: { method?: string; url?: string; headers: Record<string, unknown>; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, headers: req.headers, body });
        if (req.url === '/slow') return; // never answers
        if (req.url === '/held') {
          // answers after a while, with how many calls it had seen by then: callers at once overlap
          setTimeout(() => {
            const calls = seen.filter((c) => c.url === '/held').length;
            res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { calls } }));
          }, 150);
          return;
        }
        if (req.url === '/down') {
          res.writeHead(503, { 'content-type': 'text/plain' }).end('not ready');
          return;
        }
        res.writeHead(200, { 'content-type': 'application/graphql-response+json' }).end(JSON.stringify({ data: { ok: true } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends the method, headers and body as given and answers with status, headers and the parsed body', async () => {
    const fetcher = subgraphFetcher({ timeoutMs: 2_000 });
    try {
      const res = await fetcher(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer t' },
        body: '{"query":"{ ok }"}',
      });
      expect(res.ok).toBe(true);
      expect(res.status).toBe(200);
      expect(res.headers.get('Content-Type')).toBe('application/graphql-response+json');
      expect(res.headers.get('x-absent')).toBeNull();
      expect(await res.json()).toEqual({ data: { ok: true } });
      expect(seen.at(-1)).toMatchObject({ method: 'POST', headers: { authorization: 'Bearer t' }, body: '{"query":"{ ok }"}' });
    } finally {
      await fetcher.close();
    }
  });

  it('an error status is not ok and keeps its reason phrase and body', async () => {
    const fetcher = subgraphFetcher({ timeoutMs: 2_000 });
    try {
      const res = await fetcher(`${url}/down`, { method: 'POST', body: '{}' });
      expect(res).toMatchObject({ ok: false, status: 503, statusText: 'Service Unavailable' });
      expect(await res.text()).toBe('not ready');
    } finally {
      await fetcher.close();
    }
  });

  describe('identical query calls in flight share one subgraph call', () => {
    const QUERY = '{"query":"query Q__dispatch__0 { workOrders { id } }","variables":{}}';
    const headers = (token: string, traceparent = '00-aa-bb-01') => ({
      'content-type': 'application/json',
      authorization: token,
      traceparent,
    });
    const held = () => seen.filter((c) => c.url === '/held').length;

    it('one call for the same query, token and secret at once (any traceparent); each caller its own copy', async () => {
      const fetcher = subgraphFetcher({ timeoutMs: 2_000 });
      try {
        const before = held();
        const [a, b, c] = await Promise.all([
          fetcher(`${url}/held`, { method: 'POST', headers: headers('Bearer u1', '00-t1-s1-01'), body: QUERY }),
          fetcher(`${url}/held`, { method: 'POST', headers: headers('Bearer u1', '00-t2-s2-01'), body: QUERY }),
          fetcher(`${url}/held`, { method: 'POST', headers: headers('Bearer u1', '00-t3-s3-01'), body: QUERY }),
        ]);
        expect(held() - before).toBe(1);
        const answers = await Promise.all([a.json(), b.json(), c.json()]);
        expect(answers).toEqual([answers[0], answers[0], answers[0]]);
        expect(answers[0]).not.toBe(answers[1]); // parsed per caller: one caller's changes never reach another
        expect(a.headers.get('content-type')).toBe('application/json');
        expect(fetcher.inFlight()).toBe(0);
        // once answered, the same call goes to the subgraph again: nothing is cached
        await (await fetcher(`${url}/held`, { method: 'POST', headers: headers('Bearer u1'), body: QUERY })).json();
        expect(held() - before).toBe(2);
      } finally {
        await fetcher.close();
      }
    });

    it('another token, another body, a mutation, or merging turned off: calls of their own', async () => {
      const mutation = '{"query":"mutation M__intake__0 { fileComplaint { id } }","variables":{}}';
      const other = '{"query":"query Q__dispatch__0 { workOrders { id status } }","variables":{}}';
      const fetcher = subgraphFetcher({ timeoutMs: 2_000 });
      const unmerged = subgraphFetcher({ timeoutMs: 2_000, mergeInFlight: false });
      try {
        const before = held();
        await Promise.all([
          fetcher(`${url}/held`, { method: 'POST', headers: headers('Bearer u1'), body: QUERY }),
          fetcher(`${url}/held`, { method: 'POST', headers: headers('Bearer u2'), body: QUERY }),
          fetcher(`${url}/held`, { method: 'POST', headers: headers('Bearer u1'), body: other }),
          fetcher(`${url}/held`, { method: 'POST', headers: headers('Bearer u1'), body: mutation }),
          fetcher(`${url}/held`, { method: 'POST', headers: headers('Bearer u1'), body: mutation }),
          unmerged(`${url}/held`, { method: 'POST', headers: headers('Bearer u1'), body: QUERY }),
          unmerged(`${url}/held`, { method: 'POST', headers: headers('Bearer u1'), body: QUERY }),
        ]);
        expect(held() - before).toBe(7);
      } finally {
        await fetcher.close();
        await unmerged.close();
      }
    });

    it('a failed call fails every caller that shared it, and the next call is made afresh', async () => {
      const fetcher = subgraphFetcher({ timeoutMs: 300 });
      try {
        const before = seen.filter((c) => c.url === '/slow').length;
        const calls = [1, 2].map(() => fetcher(`${url}/slow`, { method: 'POST', headers: headers('Bearer u1'), body: QUERY }));
        for (const call of calls) await expect(call).rejects.toMatchObject({ code: 'UND_ERR_HEADERS_TIMEOUT' });
        expect(seen.filter((c) => c.url === '/slow').length - before).toBe(1);
        expect(fetcher.inFlight()).toBe(0);
      } finally {
        await fetcher.close();
      }
    });
  });

  it('gives up on a subgraph that does not answer within the timeout', async () => {
    const fetcher = subgraphFetcher({ timeoutMs: 300 });
    try {
      await expect(fetcher(`${url}/slow`, { method: 'POST', body: '{}' })).rejects.toMatchObject({ code: 'UND_ERR_HEADERS_TIMEOUT' });
    } finally {
      await fetcher.close();
    }
  });
});
