import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import type { SubgraphName } from '@pc/platform';

/**
 * Builds a call for every query, mutation and `_entities` type of the composed supergraph, aimed at
 * ids of another tenant: the tenant-isolation suite runs them all, so an operation added later is
 * covered without anyone writing a test for it. An argument it cannot fill fails the build.
 */

export type Graph = Uppercase<SubgraphName>;

export interface BuiltCall {
  kind: 'query' | 'mutation' | 'entities';
  name: string;
  /** The subgraph that resolves it (the owner of the root field or entity). */
  graphs: Graph[];
  query: string;
  variables: Record<string, unknown>;
}

/** The victim's ids, by the argument or input field that carries them. */
export type IdBook = Record<string, string>;

const directiveArgs = (
  node:
    | { directives?: readonly { name: { value: string }; arguments?: readonly { name: { value: string }; value: unknown }[] }[] }
    | null
    | undefined,
  name: string,
) =>
  (node?.directives ?? [])
    .filter((d) => d.name.value === name)
    .map((d) => Object.fromEntries((d.arguments ?? []).map((a) => [a.name.value, (a.value as { value: string }).value])));

/** The graphs that resolve a field: its `@join__field(graph:)`s (not where it is only `@external`), else every graph of its type. */
function graphsOf(type: GraphQLObjectType, field: GraphQLField<unknown, unknown>): Graph[] {
  const joins = directiveArgs(field.astNode, 'join__field');
  const own = joins
    .filter((a) => !a.external)
    .map((a) => a.graph as Graph)
    .filter(Boolean);
  if (joins.length && !own.length) return [];
  if (own.length) return [...new Set(own)];
  return [...new Set(directiveArgs(type.astNode, 'join__type').map((a) => a.graph as Graph))];
}

/** Entity types and the graphs that declare them with a key. */
function entitiesOf(schema: GraphQLSchema): { type: GraphQLObjectType; graphs: Graph[]; key: string }[] {
  return Object.values(schema.getTypeMap())
    .filter(isObjectType)
    .map((type) => ({
      type,
      graphs: directiveArgs(type.astNode, 'join__type')
        .filter((a) => a.key)
        .map((a) => a.graph as Graph),
      // one key field per entity here (`id`, or `customerId` of the customer file)
      key: String(directiveArgs(type.astNode, 'join__type').find((a) => a.key)?.key ?? 'id'),
    }))
    .filter((e) => e.graphs.length > 0);
}

const SKIP_TYPES = /^(join__|link__|_)/;

/** A selection of everything a caller could read, `levels` object levels deep, for one graph (or all). */
export function selectionOf(type: GraphQLObjectType, levels: number, graph?: Graph): string {
  const parts: string[] = [];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((a) => isNonNullType(a.type))) continue;
    if (graph && !graphsOf(type, field).includes(graph)) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(field.name);
    else if (isObjectType(named) && levels > 0 && !SKIP_TYPES.test(named.name)) {
      const inner = selectionOf(named, levels - 1, graph);
      if (inner) parts.push(`${field.name} { ${inner} }`);
    }
  }
  return parts.join(' ');
}

function unwrapInput(type: GraphQLInputType): { named: GraphQLNamedType; list: boolean } {
  let t = type;
  let list = false;
  if (isNonNullType(t)) t = t.ofType;
  if (isListType(t)) {
    list = true;
    t = t.ofType;
    if (isNonNullType(t)) t = t.ofType;
  }
  return { named: t as GraphQLNamedType, list };
}

/** Plausible values by field name, so that a call passes input validation and reaches the scope check. */
function plausible(name: string, owner: string): unknown {
  const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString();
  const anHourAgo = new Date(Date.now() - 3_600_000).toISOString();
  if (/month|period/i.test(name)) return '2026-11';
  // a KPI series' days, an audit trail's period: the victim's month
  if (name === 'from') return '2026-11-01';
  if (name === 'to') return '2026-12-01';
  if (/phone/i.test(name)) return '13900000099';
  if (/email/i.test(name)) return 'probe@example.com';
  if (/timeZone/.test(name)) return 'Asia/Shanghai';
  if (/(due|retry|newDue|deadline)/i.test(name) || (owner === 'FollowUpInput' && name === 'dueAt')) return inAWeek;
  if (/At$|^at$/.test(name)) return anHourAgo;
  // a calendar date (movedInOn): one in the past
  if (/On$/.test(name)) return '2020-01-01';
  return 'probe';
}

export class CallBuilder {
  readonly schema: GraphQLSchema;

  constructor(
    supergraphSdl: string,
    private readonly ids: IdBook,
  ) {
    this.schema = buildSchema(supergraphSdl, { assumeValidSDL: true });
  }

  /** An id of the victim for an argument or input field, by `Owner.field` then by field name. */
  private idFor(owner: string, name: string): string {
    const id = this.ids[`${owner}.${name}`] ?? this.ids[name];
    if (!id) throw new Error(`the isolation suite cannot build an id for ${owner}.${name}: add it to the id book`);
    return id;
  }

  private value(owner: string, name: string, type: GraphQLInputType, required: boolean): unknown {
    const { named, list } = unwrapInput(type);
    let v: unknown;
    if (isInputObjectType(named)) v = this.inputObject(named.name, Object.values(named.getFields()));
    else if (isEnumType(named)) v = named.getValues()[0].value;
    else if (isScalarType(named)) {
      if (named.name === 'ID') v = this.idFor(owner, name);
      else if (named.name === 'Int') v = name === 'first' ? 5 : name === 'amountYuan' ? 6000 : name === 'question' ? 0 : 1;
      else if (named.name === 'Float') v = 1;
      else if (named.name === 'Boolean') v = false;
      // a string that names a victim's record (an attachment's key) comes from the id book too
      else v = this.ids[`${owner}.${name}`] ?? plausible(name, owner);
    } else throw new Error(`the isolation suite cannot build a value of ${named.name} for ${owner}.${name}`);
    if (v === undefined && !required) return undefined;
    return list ? [v] : v;
  }

  /** Required fields, and every ID field (so that each one points at the victim). */
  private inputObject(owner: string, fields: readonly GraphQLInputField[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const f of fields) {
      const { named } = unwrapInput(f.type);
      const required = isNonNullType(f.type) && f.defaultValue === undefined;
      const isId = isScalarType(named) && named.name === 'ID';
      if (!required && !isId) continue;
      out[f.name] = this.value(owner, f.name, f.type, required);
    }
    return out;
  }

  private args(owner: string, args: readonly GraphQLArgument[]): { defs: string; uses: string; variables: Record<string, unknown> } {
    const variables: Record<string, unknown> = {};
    const defs: string[] = [];
    const uses: string[] = [];
    for (const a of args) {
      const { named } = unwrapInput(a.type);
      const required = isNonNullType(a.type);
      const isId = isScalarType(named) && named.name === 'ID';
      if (!required && !isId && a.name !== 'first') continue;
      variables[a.name] = this.value(owner, a.name, a.type, required);
      defs.push(`$${a.name}: ${a.type.toString()}`);
      uses.push(`${a.name}: $${a.name}`);
    }
    return { defs: defs.length ? `(${defs.join(', ')})` : '', uses: uses.length ? `(${uses.join(', ')})` : '', variables };
  }

  /** One call per root field of Query and Mutation. */
  rootCalls(): BuiltCall[] {
    const calls: BuiltCall[] = [];
    for (const [kind, root] of [
      ['query', this.schema.getQueryType()],
      ['mutation', this.schema.getMutationType()],
    ] as const) {
      if (!root) continue;
      for (const field of Object.values(root.getFields())) {
        const { defs, uses, variables } = this.args(field.name, field.args);
        const named = getNamedType(field.type);
        // everything one level deep, and the plain fields alone: a field resolver that fails must not hide a root that leaks
        const selections = isObjectType(named)
          ? [selectionOf(named, 1), selectionOf(named, 0)].filter(Boolean).map((sel) => ` { ${sel} }`)
          : [''];
        selections.forEach((selection, i) =>
          calls.push({
            kind,
            name: i ? `${field.name}#plain` : field.name,
            graphs: graphsOf(root, field),
            query: `${kind} Probe${defs} { ${field.name}${uses}${selection} }`,
            variables,
          }),
        );
      }
    }
    return calls;
  }

  /** One `_entities` call per entity type and graph that resolves it, with the victim's id. */
  entityCalls(): BuiltCall[] {
    return entitiesOf(this.schema).flatMap(({ type, graphs, key }) =>
      graphs.flatMap((graph) =>
        [selectionOf(type, 1, graph), selectionOf(type, 0, graph)].map((selection, i) => ({
          kind: 'entities' as const,
          name: `${type.name}@${graph}${i ? '#plain' : ''}`,
          graphs: [graph],
          query: `query Probe($r: [_Any!]!) { _entities(representations: $r) { ... on ${type.name} { ${selection} } } }`,
          variables: { r: [{ __typename: type.name, [key]: this.idFor(type.name, key) }] },
        })),
      ),
    );
  }
}
