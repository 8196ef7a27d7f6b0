import DataLoader from 'dataloader';
import type { RequestContext } from '@pc/platform';

const loaders = new WeakMap<RequestContext, Map<string, DataLoader<string, unknown>>>();

/**
 * Loads objects by id once per request, in one query for all the ids asked for in the same tick:
 * a federated query that resolves 20 `Complaint` stubs through `_entities` reads them in one
 * statement instead of 20. `load` answers the objects it found (any order); missing ids are null.
 * The loader lives as long as the request's context, so nothing is cached across users.
 */
export function loadById<T extends { id: string }>(
  ctx: RequestContext,
  kind: string,
  load: (ids: string[]) => Promise<T[]>,
): (id: string) => Promise<T | null> {
  let perRequest = loaders.get(ctx);
  if (!perRequest) {
    perRequest = new Map();
    loaders.set(ctx, perRequest);
  }
  let loader = perRequest.get(kind) as DataLoader<string, T | null> | undefined;
  if (!loader) {
    loader = new DataLoader<string, T | null>(async (ids) => {
      const found = new Map((await load([...ids])).map((x) => [x.id, x]));
      return ids.map((id) => found.get(id) ?? null);
    });
    perRequest.set(kind, loader);
  }
  return (id) => loader.load(id);
}
