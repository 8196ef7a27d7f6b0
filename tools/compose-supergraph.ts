import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { Role } from '@pc/contracts';
import { SUBGRAPH_PORTS } from '@pc/platform';
import { SUBGRAPH_NAMES, SUPERGRAPH_FILE } from '@pc/gateway';
import { System } from './system';

/** The URLs written into the committed supergraph are the table's canonical ports (the gateway overrides them by name at run time). */

/** Reads each running subgraph's SDL and composes the supergraph with @apollo/composition. */
export async function composeFrom(urls: Record<(typeof SUBGRAPH_NAMES)[number], string>, token: string): Promise<string> {
  const services = [];
  for (const name of SUBGRAPH_NAMES) {
    // `_service` answers authenticated callers (or the gateway) only
    const res = await fetch(urls[name], {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ _service { sdl } }' }),
    });
    const body = (await res.json()) as { data?: { _service: { sdl: string } }; errors?: unknown[] };
    if (!body.data) throw new Error(`${name}: no SDL: ${JSON.stringify(body.errors)}`);
    services.push({ name, typeDefs: parse(body.data._service.sdl), url: `http://127.0.0.1:${SUBGRAPH_PORTS[name]}/graphql` });
  }
  const result = composeServices(services);
  if (result.errors?.length || !result.supergraphSdl) {
    throw new Error(`composition failed:\n${(result.errors ?? []).map((e) => e.message).join('\n')}`);
  }
  return `${result.supergraphSdl.trim()}\n`;
}

export const committedSupergraph = (): string => readFileSync(SUPERGRAPH_FILE, 'utf8');

if (require.main === module) {
  (async () => {
    const system = await System.start({ gateway: false });
    try {
      const sdl = await composeFrom(
        system.urls,
        system.token({ sub: 'supergraph-composer', org: 'tooling', sites: ['*'], roles: [Role.ANALYST] }),
      );
      writeFileSync(SUPERGRAPH_FILE, sdl);
      process.stdout.write(`wrote ${SUPERGRAPH_FILE}\n`);
    } finally {
      await system.close();
    }
  })().catch((e) => {
    process.stderr.write(`${e?.stack ?? e}\n`);
    process.exit(1);
  });
}
