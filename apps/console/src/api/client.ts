import { Client, cacheExchange, fetchExchange } from 'urql';

/** The gateway on this origin, with the session's token; `onUnauthenticated` signs the user out. */
export function makeClient(token: string, onUnauthenticated: () => void): Client {
  return new Client({
    url: '/graphql',
    exchanges: [cacheExchange, fetchExchange],
    requestPolicy: 'cache-and-network',
    fetchOptions: () => ({ headers: { authorization: `Bearer ${token}` } }),
    fetch: async (input, init) => {
      const res = await fetch(input, init);
      const body = (await res
        .clone()
        .json()
        .catch(() => null)) as { errors?: { extensions?: { code?: string } }[] } | null;
      if (res.status === 401 || body?.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) onUnauthenticated();
      return res;
    },
  });
}
