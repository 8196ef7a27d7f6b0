import {
  JsonType,
  ReferenceKind,
  type EntityManager,
  type EntityMetadata,
  type EntityName,
  type EntityProperty,
  type FilterQuery,
  type Platform,
  type QBFilterQuery,
  type QueryOrderMap,
} from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/knex';

export interface PlainRowsOptions<T> {
  orderBy?: QueryOrderMap<T>[];
  limit?: number;
}

/** What is looked up once per entity: its JSON properties. */
const jsonProps = new Map<unknown, EntityProperty[]>();
function jsonProperties(meta: EntityMetadata): EntityProperty[] {
  let props = jsonProps.get(meta.class);
  if (!props) {
    props = meta.props.filter((p) => p.customType instanceof JsonType);
    jsonProps.set(meta.class, props);
  }
  return props;
}

/**
 * Rows of one entity as plain objects (property names, JS values), not entities: for answers that are
 * only read. No hydration and no unit of work.
 *
 * Filters made of equality, `$in`/`$nin`, comparisons, `null` and `$and`/`$or` over scalar properties
 * (what the read paths use) are turned into SQL here, once per call, and sent through MikroORM's
 * connection (its own escaping of values, the same as its query builder's); the rows then go through
 * MikroORM's compiled result mapper. Building the same statement with MikroORM's query builder cost
 * ~1 ms of CPU more per queue read (criteria nodes, knex), measured on PostgreSQL. Any other filter
 * takes the query builder. Booleans and dates come as MikroORM maps them, JSON properties through
 * their type (parsed where the driver hands back text, as SQLite does).
 */
export async function plainRows<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  options: PlainRowsOptions<T> = {},
): Promise<T[]> {
  const meta = em.getMetadata().get<T>(typeof entity === 'string' ? entity : (entity as { name: string }).name);
  const platform = em.getPlatform();
  const statement = plainSelect(meta, platform, where, options);
  let rows: T[];
  if (statement) {
    const raw: Record<string, unknown>[] = await (em as SqlEntityManager)
      .getConnection()
      .execute(statement.sql, statement.params, 'all', em.getTransactionContext());
    const driver = em.getDriver();
    rows = raw.map((r) => driver.mapResult(r as never, meta) as T);
  } else {
    const qb = (em as SqlEntityManager)
      .createQueryBuilder(entity)
      .select('*')
      .where(where as QBFilterQuery<T>);
    if (options.orderBy) qb.orderBy(options.orderBy);
    if (options.limit) qb.limit(options.limit);
    rows = await qb.execute<T[]>('all', true);
  }
  const json = jsonProperties(meta);
  if (json.length) {
    for (const row of rows as Record<string, unknown>[]) {
      for (const prop of json) row[prop.name] = prop.customType!.convertToJSValue(row[prop.name], platform);
    }
  }
  return rows;
}

const COMPARISONS: Record<string, string> = { $eq: '=', $ne: '<>', $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' };

type Scalar = string | number | boolean | Date;
const isScalar = (v: unknown): v is Scalar =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || (v instanceof Date && !Number.isNaN(v.getTime()));

/** `select *` with the filter as SQL, or undefined when the filter needs the query builder. */
export function plainSelect<T extends object>(
  meta: EntityMetadata<T>,
  platform: Platform,
  where: FilterQuery<T>,
  options: PlainRowsOptions<T> = {},
): { sql: string; params: unknown[] } | undefined {
  const params: unknown[] = [];
  const condition = conditionOf(meta, platform, where, params);
  if (condition === undefined) return undefined;
  let sql = `select * from ${platform.quoteIdentifier(meta.tableName)} where ${condition}`;
  if (options.orderBy?.length) {
    const order: string[] = [];
    for (const o of options.orderBy) {
      for (const [key, dir] of Object.entries(o)) {
        const column = columnOf(meta, platform, key);
        const d = String(dir).toLowerCase();
        if (!column || (d !== 'asc' && d !== 'desc')) return undefined;
        order.push(`${column} ${d}`);
      }
    }
    sql += ` order by ${order.join(', ')}`;
  }
  if (options.limit) sql += ` limit ${Math.floor(options.limit)}`;
  return { sql, params };
}

/** The quoted column of a plain scalar property (not JSON, not a relation), or undefined. */
function columnOf(meta: EntityMetadata, platform: Platform, key: string): string | undefined {
  const prop = meta.properties[key] as EntityProperty | undefined;
  if (!prop || prop.kind !== ReferenceKind.SCALAR || prop.fieldNames?.length !== 1 || prop.customType instanceof JsonType) return undefined;
  return platform.quoteIdentifier(prop.fieldNames[0]);
}

function conditionOf(meta: EntityMetadata, platform: Platform, filter: unknown, params: unknown[]): string | undefined {
  if (filter === null || typeof filter !== 'object' || Array.isArray(filter) || filter instanceof Date) return undefined;
  const parts: string[] = [];
  for (const [key, value] of Object.entries(filter as Record<string, unknown>)) {
    if (key === '$and' || key === '$or') {
      if (!Array.isArray(value) || !value.length) return undefined;
      const subs: string[] = [];
      for (const f of value) {
        const sub = conditionOf(meta, platform, f, params);
        if (sub === undefined) return undefined;
        subs.push(sub);
      }
      parts.push(`(${subs.join(key === '$and' ? ' and ' : ' or ')})`);
      continue;
    }
    const column = columnOf(meta, platform, key);
    if (!column) return undefined;
    if (value === null) parts.push(`${column} is null`);
    else if (isScalar(value)) {
      parts.push(`${column} = ?`);
      params.push(value);
    } else if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length) {
      for (const [op, v] of Object.entries(value as Record<string, unknown>)) {
        if (op === '$in' || op === '$nin') {
          if (!Array.isArray(v) || !v.length || !v.every(isScalar)) return undefined;
          parts.push(`${column} ${op === '$in' ? 'in' : 'not in'} (${v.map(() => '?').join(', ')})`);
          params.push(...v);
        } else if (op in COMPARISONS) {
          if (v === null && (op === '$eq' || op === '$ne')) parts.push(`${column} is ${op === '$eq' ? '' : 'not '}null`);
          else if (isScalar(v)) {
            parts.push(`${column} ${COMPARISONS[op]} ?`);
            params.push(v);
          } else return undefined;
        } else return undefined;
      }
    } else return undefined;
  }
  return parts.length ? parts.join(' and ') : '1 = 1';
}
