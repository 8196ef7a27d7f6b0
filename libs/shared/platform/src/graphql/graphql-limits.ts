import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin, GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import {
  Kind,
  OperationTypeNode,
  isListType,
  isNonNullType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLFormattedError,
  type GraphQLOutputType,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
  visit,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Role } from '@pc/contracts';
import type { ServiceConfig } from '../config/config';
import type { RequestContext } from './graphql-edge';
import { PublicEdgeLimits, httpError, rateLimited } from './public-edge';

/** C0 control characters but tab, line feed and carriage return, and DEL: never part of a valid value. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** The size a list without a `first` argument is assumed to have, by `Type.field`; DEFAULT_LIST_SIZE otherwise. */
const LIST_SIZES: Record<string, number> = {
  'Query.callbackWorklist': 500,
  'Query.contractorPenalties': 500,
  'Query.surveyFollowUps': 500,
  'Query.emergencies': 200,
  'Query.liaisonLetters': 200,
  'Query.customers': 200,
  'Query.staffUsers': 200,
  'Query.units': 200,
  'Query.sites': 50,
  'Query.surveySchedules': 100,
  'Query.surveySample': 2000,
  // analytics: a report's sites and areas, a complaint's departments
  'MonthlyReport.bySite': 50,
  'MonthlyReport.byArea': 100,
  'MonthlyComplaint.handling': 6,
  'Query.kpis': 100,
  'Query.productSuggestions': 100,
  // a connection's edges are as many as its field's `first`, already counted there
  'WorkOrderConnection.edges': 1,
  'MonthlyComplaintConnection.edges': 1,
  'CaseEntryConnection.edges': 1,
  'AuditEntryConnection.edges': 1,
};
const DEFAULT_LIST_SIZE = 20;
/** `first` when a connection or list argument leaves it out. */
const DEFAULT_FIRST = 50;
/**
 * Items counted for a list of the schema's own description (`__Schema.types`, `__Type.fields`, ...):
 * they read the static schema, not rows. So the standard introspection query that GraphiQL and codegen
 * tools send (about 5,000) passes the cost limit; nesting `fields { type { fields ... } }` deeper is
 * refused by graphql-js's own MaxIntrospectionDepthRule (part of its specified validation rules).
 */
const INTROSPECTION_LIST_SIZE = 4;

function unwrap(type: GraphQLOutputType): GraphQLOutputType {
  return isNonNullType(type) ? type.ofType : type;
}

/**
 * Every field costs 1 plus what it selects, times the number of items it can return: its `first`
 * argument, or the list's known cap. A query's cost is thus an upper bound of the rows it can touch.
 */
export const listSizeEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const key = `${type.name}.${field.name}`;
  const isList = isListType(unwrap(field.type));
  const hasFirst = field.args.some((a) => a.name === 'first');
  // a subgraph's `_entities` returns one item per representation asked for
  if (field.name === '_entities') return 1 + Math.max(1, (args.representations as unknown[] | undefined)?.length ?? 1) * childComplexity;
  const listSize = type.name.startsWith('__') ? INTROSPECTION_LIST_SIZE : (LIST_SIZES[key] ?? DEFAULT_LIST_SIZE);
  const size = hasFirst ? Number(args.first ?? DEFAULT_FIRST) : isList ? listSize : 1;
  return 1 + Math.max(1, size) * childComplexity;
};

/** The first string holding a control character in a variables object, with its path. */
function controlIn(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return CONTROL.test(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = controlIn(value[i], path);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = controlIn(v, path ? `${path}.${k}` : k);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Where each variable of an operation is used (`input: $i` → "input"), and its first literal with a
 * control character: walked once per parsed operation (Apollo Server keeps parsed documents, so a
 * repeated query is the same node), not on every request.
 */
const literalFacts = new WeakMap<OperationDefinitionNode, { usedAt: Map<string, string>; literal?: string }>();
function literalsOf(operation: OperationDefinitionNode): { usedAt: Map<string, string>; literal?: string } {
  let facts = literalFacts.get(operation);
  if (!facts) {
    const names: string[] = [];
    const usedAt = new Map<string, string>();
    let literal: string | undefined;
    visit(operation, {
      VariableDefinition: () => false,
      Argument: { enter: (n) => void names.push(n.name.value), leave: () => void names.pop() },
      ObjectField: { enter: (n) => void names.push(n.name.value), leave: () => void names.pop() },
      Variable: (n) => void (usedAt.has(n.name.value) || usedAt.set(n.name.value, names.join('.'))),
      StringValue: (n) => {
        if (!literal && CONTROL.test(n.value)) literal = names.join('.') || 'input';
      },
    });
    facts = { usedAt, literal };
    literalFacts.set(operation, facts);
  }
  return facts;
}

/** Refuses NUL and other control characters anywhere in a request, naming the field (BAD_USER_INPUT). */
function rejectControlCharacters(variables: Record<string, unknown> | undefined, operation: OperationDefinitionNode): void {
  const { usedAt, literal } = literalsOf(operation);
  const inVariables = controlIn(variables ?? {}, '');
  let field = literal;
  if (inVariables) {
    const [variable, ...rest] = inVariables.split('.');
    field = [usedAt.get(variable) || variable, ...rest].join('.');
  }
  field = field === 'input' ? field : field?.replace(/^input\./, '');
  if (field) {
    throw httpError(`${field}: control characters are not allowed`, 'BAD_USER_INPUT', 400, {
      field,
      reason: 'control characters are not allowed',
    });
  }
}

/** The names of the root fields an operation selects, fragments followed; once per parsed operation. */
const rootNames = new WeakMap<OperationDefinitionNode, string[]>();
function rootFieldNames(document: DocumentNode, operation: OperationDefinitionNode): string[] {
  let names = rootNames.get(operation);
  if (!names) {
    const fragments = Object.fromEntries(
      document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
    );
    names = rootFields(operation.selectionSet, fragments).map((f) => f.name.value);
    rootNames.set(operation, names);
  }
  return names;
}

/** The root field nodes an operation selects, fragments followed. */
function rootFieldNodes(document: DocumentNode, operation: OperationDefinitionNode): FieldNode[] {
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  return rootFields(operation.selectionSet, fragments);
}

/** The root fields an operation selects, fragments followed. */
function rootFields(set: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>, seen = new Set<string>()): FieldNode[] {
  return set.selections.flatMap((s) => {
    if (s.kind === Kind.FIELD) return [s];
    if (s.kind === Kind.INLINE_FRAGMENT) return rootFields(s.selectionSet, fragments, seen);
    if (seen.has(s.name.value) || !fragments[s.name.value]) return [];
    seen.add(s.name.value);
    return rootFields(fragments[s.name.value].selectionSet, fragments, seen);
  });
}

export interface EdgeOptions {
  /**
   * The public edge: every operation needs a verified user (refused before any subgraph is asked), and
   * mutations and expensive queries count against per-user and per-organisation limits.
   */
  publicEdge?: boolean;
}

/** Rate limits of the edge: per user and per organisation, a minute's window. */
export class EdgeRateLimits {
  private readonly perUser: RateLimiterMemory;
  private readonly perOrg: RateLimiterMemory;

  constructor(config: Pick<ServiceConfig, 'RATE_LIMIT_USER_PER_MIN' | 'RATE_LIMIT_ORG_PER_MIN'>) {
    this.perUser = new RateLimiterMemory({ keyPrefix: 'user', points: config.RATE_LIMIT_USER_PER_MIN, duration: 60 });
    this.perOrg = new RateLimiterMemory({ keyPrefix: 'org', points: config.RATE_LIMIT_ORG_PER_MIN, duration: 60 });
  }

  /** Spends `points` of the user's and the organisation's budget; RATE_LIMITED with Retry-After when spent. */
  async consume(user: { sub: string; org: string }, points: number): Promise<void> {
    try {
      await this.perUser.consume(`${user.org}/${user.sub}`, points);
      await this.perOrg.consume(user.org, points);
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      throw rateLimited(e);
    }
  }
}

/**
 * The checks every GraphQL edge (gateway and subgraphs) runs after parsing and before any resolver:
 * control characters, who may read the schema (`__schema`, `_service`) and `_entities`, the cost
 * limit, and, at the public edge, the rate limits.
 */
/** Operations whose cost is remembered, and the longest key kept. */
const COST_CACHE_SIZE = 2_000;
const COST_KEY_MAX = 2_048;

/** Per document: the variables a cost reads (list sizes, `_entities` representations, `@skip`/`@include`). */
const costVariablesOf = new WeakMap<DocumentNode, { sized: string[]; counted: string[] }>();
function costVariables(document: DocumentNode): { sized: string[]; counted: string[] } {
  let found = costVariablesOf.get(document);
  if (!found) {
    const sized = new Set<string>();
    const counted = new Set<string>();
    visit(document, {
      Argument(node) {
        if (node.value.kind !== Kind.VARIABLE) return;
        if (node.name.value === 'first') sized.add(node.value.name.value);
        else if (node.name.value === 'representations') counted.add(node.value.name.value);
      },
      Directive(node) {
        for (const a of node.arguments ?? []) if (a.value.kind === Kind.VARIABLE) sized.add(a.value.name.value);
      },
    });
    found = { sized: [...sized], counted: [...counted] };
    costVariablesOf.set(document, found);
  }
  return found;
}

/**
 * What an operation's cost depends on, as a key: the document, the operation, and only the variables
 * the cost reads (`listSizeEstimator`: `first`, the number of `_entities` representations; the
 * `@skip`/`@include` conditions). A mutation's input or a page's representations are not in it: a
 * desk filing complaints pays for the walk once, and no personal data is kept in the key.
 */
export function costKey(
  queryHash: string,
  operationName: string | null | undefined,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
): string {
  const { sized, counted } = costVariables(document);
  let key = `${queryHash}|${operationName ?? ''}`;
  for (const v of sized) key += `|${v}=${JSON.stringify(variables[v] ?? null)}`;
  for (const v of counted) key += `|${v}#${Array.isArray(variables[v]) ? variables[v].length : JSON.stringify(variables[v] ?? null)}`;
  return key;
}

export function edgeGuardPlugin(config: ServiceConfig, options: EdgeOptions = {}): ApolloServerPlugin<RequestContext> {
  const introspectionRoles =
    config.GRAPHQL_INTROSPECTION_ROLES === '*' ? undefined : (config.GRAPHQL_INTROSPECTION_ROLES.split(',') as Role[]);
  const limits = options.publicEdge ? new EdgeRateLimits(config) : undefined;
  const anonymous = options.publicEdge ? new PublicEdgeLimits(config) : undefined;
  const estimators = [listSizeEstimator];

  const guardRootFields = (rc: GraphQLRequestContextDidResolveOperation<RequestContext>, operation: OperationDefinitionNode) => {
    const { user, fromGateway } = rc.contextValue;
    for (const name of rootFieldNames(rc.document, operation)) {
      if (name === '__schema' || name === '__type') {
        if (!user) throw httpError('introspection needs an authenticated caller', 'UNAUTHENTICATED', 401);
        if (introspectionRoles && !user.roles.some((r) => introspectionRoles.includes(r))) {
          throw httpError(`introspection is open to the roles ${introspectionRoles.join(', ')}`, 'FORBIDDEN', 403);
        }
      } else if (name === '_service') {
        if (!user && !fromGateway) throw httpError('_service needs an authenticated caller or the gateway', 'UNAUTHENTICATED', 401);
      } else if (name === '_entities' && !user) {
        throw httpError('missing "Authorization: Bearer <token>" header', 'UNAUTHENTICATED', 401);
      }
    }
  };

  /** The cost of the operation; 0 when its variables do not even coerce (execution then refuses them, naming the field). */
  const costOf = (rc: GraphQLRequestContextDidResolveOperation<RequestContext>): number => {
    try {
      return getComplexity({
        schema: rc.schema,
        query: rc.document,
        operationName: rc.operationName ?? undefined,
        variables: rc.request.variables ?? {},
        estimators,
      });
    } catch {
      return 0;
    }
  };

  /**
   * The cost depends only on the document, the operation and the variables it reads (`costKey`): a
   * console polling the same query, or a desk filing with the same mutation, pays for the walk once.
   * Bounded (oldest out first). A 0 (variables that do not coerce) is never remembered, so it can never
   * stand for a valid request's cost.
   */
  const costs = new Map<string, number>();
  const cachedCostOf = (rc: GraphQLRequestContextDidResolveOperation<RequestContext>): number => {
    const key = costKey(rc.queryHash, rc.operationName, rc.document, rc.request.variables);
    const known = costs.get(key);
    if (known !== undefined) return known;
    const cost = costOf(rc);
    if (cost > 0 && key.length <= COST_KEY_MAX) {
      if (costs.size >= COST_CACHE_SIZE) costs.delete(costs.keys().next().value!);
      costs.set(key, cost);
    }
    return cost;
  };

  return {
    requestDidStart() {
      return Promise.resolve({
        async didResolveOperation(rc) {
          const operation = rc.operation;
          if (!operation) return;
          if (anonymous && !rc.contextValue.user) {
            // the resident page's operations only, per link token and per client address
            const req = rc.contextValue.req as { ip?: string; socket?: { remoteAddress?: string } } | undefined;
            await anonymous.admit(
              rootFieldNodes(rc.document, operation),
              rc.request.variables ?? {},
              req?.ip ?? req?.socket?.remoteAddress ?? '?',
            );
          }
          rejectControlCharacters(rc.request.variables, operation);
          guardRootFields(rc, operation);
          const cost = cachedCostOf(rc);
          if (cost > config.GRAPHQL_MAX_COST) {
            throw httpError(
              `query cost ${cost} exceeds the limit of ${config.GRAPHQL_MAX_COST}: ask for fewer items (first) or fewer fields`,
              'QUERY_TOO_COMPLEX',
              400,
              {
                cost,
                limit: config.GRAPHQL_MAX_COST,
              },
            );
          }
          const user = rc.contextValue.user;
          if (!limits || !user) return;
          const points =
            operation.operation === OperationTypeNode.MUTATION
              ? operation.selectionSet.selections.length
              : cost >= config.RATE_LIMIT_EXPENSIVE_COST
                ? 1
                : 0;
          if (points > 0) await limits.consume(user, points);
        },
      });
    },
  };
}

/** Depth, aliases, tokens and directives (graphql-armor), and no field suggestions outside development. */
export function armorProtection(config: ServiceConfig): { plugins: ApolloServerPlugin[]; validationRules: ValidationRule[] } {
  const armor = new ApolloArmor({
    maxDepth: { n: config.GRAPHQL_MAX_DEPTH, ignoreIntrospection: true },
    maxAliases: { n: config.GRAPHQL_MAX_ALIASES },
    maxTokens: { n: config.GRAPHQL_MAX_TOKENS },
    maxDirectives: { n: config.GRAPHQL_MAX_DIRECTIVES },
    // the cost limit that knows list sizes is edgeGuardPlugin's
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: config.NODE_ENV !== 'development' },
  });
  const { plugins, validationRules } = armor.protect();
  return { plugins: plugins, validationRules: validationRules };
}

const LIMIT_MESSAGE = /^Syntax Error: (Aliases|Depth|Token|Directives) limit/;
const INTERNAL_URL = /\b(?:https?|nats|postgres(?:ql)?):\/\/[^\s"')]+/gi;
const IP_PORT = /\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/g;

/**
 * The last step of every error on its way to a client: limit rejections become QUERY_TOO_COMPLEX,
 * and no internal address (a subgraph's URL, a database or bus host) ever leaves the process.
 */
export function formatEdgeError(error: GraphQLFormattedError): GraphQLFormattedError {
  // a subgraph's HTTP error reaches the gateway with its URL and body: keep the body's own error only
  const {
    response,
    stacktrace: _s,
    ...rest
  } = (error.extensions ?? {}) as Record<string, unknown> & { response?: { body?: { errors?: GraphQLFormattedError[] } } };
  const inner = response?.body?.errors?.[0];
  const formatted: GraphQLFormattedError = inner
    ? { ...error, message: inner.message, extensions: { ...rest, ...inner.extensions } }
    : { ...error, extensions: rest };
  const scrub = (text: string) => text.replace(INTERNAL_URL, '[internal]').replace(IP_PORT, '[internal]');
  const limit = LIMIT_MESSAGE.test(formatted.message);
  const extensions: Record<string, unknown> = { ...formatted.extensions, ...(limit ? { code: 'QUERY_TOO_COMPLEX' } : {}) };
  if (typeof extensions.reason === 'string') extensions.reason = scrub(extensions.reason);
  const message = scrub(formatted.message);
  return { ...formatted, message: limit ? message.replace(/^Syntax Error: /, '') : message, extensions };
}

/**
 * A DateTime that means what it says: ISO 8601 with a time zone, a real calendar date (2026-02-30 is
 * refused, never rolled over into March), between the years 2000 and 2100.
 */
const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

/**
 * Parses strictly; anything else becomes an invalid Date, which the input's class-validator rules
 * (`@IsDate`) then refuse with BAD_USER_INPUT naming the field, as every other input error.
 */
export function parseStrictDateTime(value: unknown): Date {
  const invalid = new Date(Number.NaN);
  const m = typeof value === 'string' ? ISO.exec(value) : null;
  if (!m) return invalid;
  const [, y, mo, d, h, mi, s] = m.map(Number);
  const calendar = new Date(Date.UTC(y, mo - 1, d));
  if (
    calendar.getUTCFullYear() !== y ||
    calendar.getUTCMonth() !== mo - 1 ||
    calendar.getUTCDate() !== d ||
    h > 23 ||
    mi > 59 ||
    (s || 0) > 59
  ) {
    return invalid;
  }
  const at = new Date(value as string);
  return at.getTime() < EARLIEST || at.getTime() >= LATEST ? invalid : at;
}
