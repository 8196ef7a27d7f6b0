import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { subgraphFetcher } from './subgraph-fetcher';

describe('subgraphFetcher (the gateway’s calls to its subgraphs)', () => {
  let server: Server;
  let url: string;
  const seen: { method?: string; headers: Record<string, unknown>; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ method: req.method, headers: req.headers, body });
        if (req.url === '/slow') return; // never answers
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

  it('gives up on a subgraph that does not answer within the timeout', async () => {
    const fetcher = subgraphFetcher({ timeoutMs: 300 });
    try {
      await expect(fetcher(`${url}/slow`, { method: 'POST', body: '{}' })).rejects.toMatchObject({ code: 'UND_ERR_HEADERS_TIMEOUT' });
    } finally {
      await fetcher.close();
    }
  });
});
