import { plainToInstance, Transform, type ClassConstructor } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
  validateSync,
} from 'class-validator';
import {
  GATEWAY_DEFAULT_PORT,
  SUBGRAPH_NAMES,
  SUBGRAPH_PORTS,
  databaseUrlVariable,
  portVariable,
  type SubgraphSettings,
} from './subgraphs';

export class ConfigError extends Error {}

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/**
 * The settings every service reads (documented in `.env.example`). A service's own config class
 * extends this with its port and anything else it needs.
 */
// the subgraph ports and database URLs are declared by the interface below, from the one table
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class ServiceConfig {
  @Transform(emptyToUndefined) @IsString() @IsNotEmpty() NATS_URL: string = 'nats://127.0.0.1:4222';
  /** Prefix of stream names and subjects; lets several systems (or test runs) share one NATS. */
  @Transform(emptyToUndefined) @IsString() @IsNotEmpty() NATS_NAMESPACE: string = 'pc';
  /**
   * Days the event stream keeps a message: every event of the last two years (domain.md §5 keeps
   * records two years) must stay replayable for `npm run analytics:rebuild`, so at least 731; the
   * default adds two months of margin. 0 keeps messages forever.
   */
  @Transform(toInt) @IsInt() @Min(0) @Max(36_500) NATS_STREAM_MAX_AGE_DAYS: number = 800;
  /** JetStream replicas of the event stream: 1 on one server, 3 on a cluster (an odd number up to 5). */
  @Transform(toInt) @IsInt() @IsIn([1, 3, 5], { message: 'NATS_STREAM_REPLICAS must be 1, 3 or 5' }) NATS_STREAM_REPLICAS: number = 1;
  /** PostgreSQL server URL; each service uses its own database `<DATABASE_PREFIX>_<service>`. */
  @Transform(emptyToUndefined) @IsOptional() @IsString() DATABASE_URL?: string;
  @Transform(emptyToUndefined) @IsString() @IsNotEmpty() DATABASE_PREFIX: string = 'pc';
  /** Where the embedded SQLite files live when no DATABASE_URL is given. */
  @Transform(emptyToUndefined) @IsString() @IsNotEmpty() DATA_DIR: string = '.data';
  /** HS256 secret of the demo tokens; may be left out when AUTH_JWKS_URL is set. */
  @Transform(emptyToUndefined)
  @ValidateIf((c: ServiceConfig) => !c.AUTH_JWKS_URL || c.AUTH_JWT_SECRET !== undefined)
  @IsString({ message: 'AUTH_JWT_SECRET or AUTH_JWKS_URL must be set' })
  @MinLength(16, { message: 'AUTH_JWT_SECRET must be at least 16 characters' })
  AUTH_JWT_SECRET: string;
  /** An OIDC issuer's JWKS (RS256/ES256 tokens), e.g. https://idp.example.com/.well-known/jwks.json. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true }, { message: 'AUTH_JWKS_URL must be a URL' })
  AUTH_JWKS_URL?: string;
  /** Expected `iss` and `aud` of tokens, checked when set. */
  @Transform(emptyToUndefined) @IsOptional() @IsString() AUTH_ISSUER?: string;
  @Transform(emptyToUndefined) @IsOptional() @IsString() AUTH_AUDIENCE?: string;
  /** The longest token lifetime accepted (seconds); `exp` is required. */
  @Transform(toInt) @IsInt() @Min(60) @Max(7 * 86_400) AUTH_MAX_TOKEN_TTL_S: number = 86_400;

  /** Gateway: the built web console (`npm run console:build`) served at `/`; default dist/apps/console. */
  @Transform(emptyToUndefined) @IsOptional() @IsString() CONSOLE_DIR?: string;
  /**
   * Gateway, demo only: a JSON file of demo users (token claims) the console's sign-in page offers; the
   * gateway then signs a token for the one picked with AUTH_JWT_SECRET. Never set it in production.
   */
  @Transform(emptyToUndefined) @IsOptional() @IsString() CONSOLE_DEMO_USERS_FILE?: string;
  /** Gateway: the OIDC issuer the console signs in with (authorization code + PKCE), and its public client id. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true }, { message: 'CONSOLE_OIDC_ISSUER must be a URL' })
  CONSOLE_OIDC_ISSUER?: string;
  @Transform(emptyToUndefined) @IsOptional() @IsString() CONSOLE_OIDC_CLIENT_ID?: string;
  @Transform(emptyToUndefined) @IsString() @IsNotEmpty() CONSOLE_OIDC_SCOPE: string = 'openid profile';
  /** Gateway: serve the GraphiQL sandbox at `/sandbox` (bundled, no CDN): `true` or `false`. */
  @Transform(emptyToUndefined) @IsIn(['true', 'false']) GRAPHQL_SANDBOX: string = 'false';
  /** Gateway: origins (comma-separated, exact) whose browser apps may call the API; empty = same origin only. */
  @Transform(emptyToUndefined) @IsOptional() @IsString() CORS_ORIGINS?: string;
  /**
   * Shared secret the gateway sends to the subgraphs (header `x-gateway-secret`). When set, a subgraph
   * answers only requests that carry it; it still checks the user's token itself. Required in production.
   */
  @Transform(emptyToUndefined)
  @ValidateIf((c: ServiceConfig) => c.NODE_ENV === 'production' || c.GATEWAY_SECRET !== undefined)
  @IsString({ message: 'GATEWAY_SECRET must be set in production' })
  @MinLength(16, { message: 'GATEWAY_SECRET must be at least 16 characters' })
  GATEWAY_SECRET?: string;
  @Transform(emptyToUndefined) @IsIn(['development', 'test', 'production']) NODE_ENV: string = 'development';
  /** Roles that may introspect the schema (comma-separated; `*` = every authenticated user). */
  @Transform(emptyToUndefined)
  @Matches(/^(\*|[A-Z_]+(,[A-Z_]+)*)$/, { message: 'GRAPHQL_INTROSPECTION_ROLES is * or a comma-separated list of roles' })
  GRAPHQL_INTROSPECTION_ROLES: string = 'ANALYST,ADMIN';
  /** Query limits, applied before any resolver runs. */
  @Transform(toInt) @IsInt() @Min(2) @Max(50) GRAPHQL_MAX_DEPTH: number = 10;
  @Transform(toInt) @IsInt() @Min(1) @Max(1000) GRAPHQL_MAX_ALIASES: number = 15;
  @Transform(toInt) @IsInt() @Min(100) @Max(100_000) GRAPHQL_MAX_TOKENS: number = 3000;
  @Transform(toInt) @IsInt() @Min(1) @Max(1000) GRAPHQL_MAX_DIRECTIVES: number = 20;
  /** The most a query may cost: every field 1, times the list sizes it asks for (`first`, or each list's cap). */
  @Transform(toInt) @IsInt() @Min(100) @Max(10_000_000) GRAPHQL_MAX_COST: number = 20_000;
  /** Rate limits per minute on mutations and expensive queries: per user, and per organisation. */
  @Transform(toInt) @IsInt() @Min(1) @Max(1_000_000) RATE_LIMIT_USER_PER_MIN: number = 120;
  @Transform(toInt) @IsInt() @Min(1) @Max(10_000_000) RATE_LIMIT_ORG_PER_MIN: number = 3000;
  /** A query costing at least this counts against the rate limits like a mutation. */
  @Transform(toInt) @IsInt() @Min(1) @Max(10_000_000) RATE_LIMIT_EXPENSIVE_COST: number = 2000;
  /** Gateway: the longest a subgraph may take to answer one fetch (ms). */
  @Transform(toInt) @IsInt() @Min(100) @Max(600_000) REQUEST_TIMEOUT_MS: number = 15_000;
  /** The largest request body the gateway and every subgraph read, in bytes (a larger one: 413, JSON, nothing read). */
  @Transform(toInt) @IsInt() @Min(1024) @Max(100 * 1024 * 1024) BODY_LIMIT_BYTES: number = 1024 * 1024;
  /** PostgreSQL statement_timeout of every service connection (ms): no single query outlives it. */
  @Transform(toInt) @IsInt() @Min(100) @Max(600_000) DB_STATEMENT_TIMEOUT_MS: number = 10_000;
  @Transform(emptyToUndefined)
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';
  @Transform(toInt) @IsInt() @Min(1) @Max(3600_000) OUTBOX_POLL_MS: number = 500;
  /** Messages of one consumer applied in one transaction at most, when that many are waiting (1: each on its own). */
  @Transform(toInt) @IsInt() @Min(1) @Max(1000) NATS_CONSUMER_BATCH: number = 64;
  /** Published outbox rows are kept this long, then pruned (at least the stream's 2-minute duplicate window). */
  @Transform(toInt) @IsInt() @Min(1) @Max(87_600) OUTBOX_RETENTION_HOURS: number = 24;
  /** Processed-message ids (the consumers' inbox) are kept this long, then pruned: redeliveries come within minutes. */
  @Transform(toInt) @IsInt() @Min(1) @Max(3650) INBOX_RETENTION_DAYS: number = 7;
  /** How often the pruning runs (ms); 0 turns it off. */
  @Transform(toInt) @IsInt() @Min(0) @Max(86_400_000) HOUSEKEEPING_MS: number = 60_000;

  /** Dispatch and callback: how often the timer scheduler looks for due timers (ms); the most a deadline fires late. 0 = off. */
  @Transform(toInt) @IsInt() @Min(0) @Max(3600_000) SLA_SCAN_MS: number = 1000;
  /** Dispatch and callback: timers the scheduler claims per transaction. */
  @Transform(toInt) @IsInt() @Min(1) @Max(10_000) SLA_BATCH_SIZE: number = 500;

  /** Notify: the SMTP server e-mail leaves through (`smtp://[user:password@]host:port`, `smtps://` for TLS); none = no e-mail. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'SMTP_URL must be smtp://[user:password@]host:port or smtps://...' })
  SMTP_URL?: string;
  /** Notify: the From address of e-mail. */
  @Transform(emptyToUndefined) @IsString() @IsNotEmpty() SMTP_FROM: string = 'Property Care <notify@localhost>';
  /** Notify: the language of e-mail templates. */
  @Transform(emptyToUndefined) @IsIn(['zh-CN', 'en']) NOTIFY_MAIL_LOCALE: string = 'zh-CN';
  /** Notify: the SMS provider's HTTP endpoint, its key and the template id (none = no SMS). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true }, { message: 'SMS_URL must be a URL' })
  SMS_URL?: string;
  @Transform(emptyToUndefined) @IsOptional() @IsString() SMS_API_KEY?: string;
  @Transform(emptyToUndefined) @IsString() @IsNotEmpty() SMS_TEMPLATE_ID: string = 'PC_NOTIFICATION';
  /** Notify: where people open the console (deep links and acknowledge links in e-mail and robot posts). */
  @Transform(emptyToUndefined)
  @IsUrl({ require_tld: false, require_protocol: true }, { message: 'PUBLIC_URL must be a URL' })
  PUBLIC_URL: string = 'http://127.0.0.1:4000';
  /** Notify: the key of one-click acknowledge links (default: derived from AUTH_JWT_SECRET); at least 16 characters. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'NOTIFY_LINK_SECRET must be at least 16 characters' })
  NOTIFY_LINK_SECRET?: string;
  /** Notify: how long an acknowledge link stays valid (hours). */
  @Transform(toInt) @IsInt() @Min(1) @Max(720) NOTIFY_LINK_TTL_HOURS: number = 72;
  /** Notify: how often due deliveries are sent (ms); 0 = only when ticked (tests). */
  @Transform(toInt) @IsInt() @Min(0) @Max(3600_000) DELIVERY_SCAN_MS: number = 500;
  /** Notify: how long a claimed delivery stays another replica's while it is sent (ms); after a crash it is sent again then. */
  @Transform(toInt) @IsInt() @Min(1000) @Max(3600_000) DELIVERY_LEASE_MS: number = 120_000;

  /**
   * Intake: where photos and files are kept (issue 29): `local` (default, under DATA_DIR/attachments) or
   * `s3` (any S3-compatible store: MinIO, AWS, …, with the S3_* settings below).
   */
  @Transform(emptyToUndefined) @IsIn(['local', 's3'], { message: 'ATTACHMENT_STORE must be local or s3' }) ATTACHMENT_STORE: string =
    'local';
  /** The largest file `POST /attachments` takes (bytes; a larger one: 413, nothing stored). */
  @Transform(toInt) @IsInt() @Min(1024) @Max(100 * 1024 * 1024) ATTACHMENT_MAX_BYTES: number = 10 * 1024 * 1024;
  /** An upload never filed with a case is deleted after this many hours (with HOUSEKEEPING_MS). */
  @Transform(toInt) @IsInt() @Min(1) @Max(8760) ATTACHMENT_ORPHAN_HOURS: number = 24;
  /** How long a signed URL of `attachmentUrl` stays valid (seconds). */
  @Transform(toInt) @IsInt() @Min(10) @Max(86_400) ATTACHMENT_URL_TTL_S: number = 300;
  /** The local store's key for signing URLs (default: derived from GATEWAY_SECRET or AUTH_JWT_SECRET); at least 16 characters. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'ATTACHMENT_URL_SECRET must be at least 16 characters' })
  ATTACHMENT_URL_SECRET?: string;
  /** The key that signs residents' case links (`/r/<token>`; default: derived from GATEWAY_SECRET or AUTH_JWT_SECRET); at least 16 characters. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'RESIDENT_LINK_SECRET must be at least 16 characters' })
  RESIDENT_LINK_SECRET?: string;
  /** A resident's case link stops working this many days after the case is closed. */
  @Transform(toInt) @IsInt() @Min(1) @Max(365) RESIDENT_LINK_DAYS: number = 30;
  /** Send the case's resident link by SMS to its customer when the case is filed and when it is resolved (through notify). */
  @Transform(emptyToUndefined) @IsIn(['true', 'false']) RESIDENT_LINK_SMS: string = 'true';
  /** Residents are not texted in these hours (the site's time; `HH:MM-HH:MM`, `none` = any time): an SMS waits until they end. */
  @Transform(emptyToUndefined)
  @Matches(/^(none|([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d)$/, { message: 'RESIDENT_QUIET_HOURS must be HH:MM-HH:MM or none' })
  RESIDENT_QUIET_HOURS: string = '21:00-08:00';
  /** The resident page's GraphQL (no login) at the gateway: requests per minute per link token, and per client address. */
  @Transform(toInt) @IsInt() @Min(1) RESIDENT_RATE_PER_MIN_TOKEN: number = 30;
  @Transform(toInt) @IsInt() @Min(1) RESIDENT_RATE_PER_MIN_ADDRESS: number = 120;
  /** ATTACHMENT_STORE=s3: the endpoint (MinIO: http://minio:9000; empty = AWS), bucket, region and keys. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true }, { message: 'S3_ENDPOINT must be a URL' })
  S3_ENDPOINT?: string;
  /** The endpoint browsers reach the store at, when it differs from S3_ENDPOINT (compose: http://localhost:9000); signed links name it. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true }, { message: 'S3_PUBLIC_ENDPOINT must be a URL' })
  S3_PUBLIC_ENDPOINT?: string;
  @Transform(emptyToUndefined)
  @ValidateIf((c: ServiceConfig) => c.ATTACHMENT_STORE === 's3' || c.S3_BUCKET !== undefined)
  @IsString({ message: 'S3_BUCKET must be set when ATTACHMENT_STORE=s3' })
  @IsNotEmpty()
  S3_BUCKET?: string;
  @Transform(emptyToUndefined) @IsString() @IsNotEmpty() S3_REGION: string = 'us-east-1';
  /** Without them the AWS SDK's own chain is used (environment, instance role). */
  @Transform(emptyToUndefined) @IsOptional() @IsString() S3_ACCESS_KEY_ID?: string;
  @Transform(emptyToUndefined) @IsOptional() @IsString() S3_SECRET_ACCESS_KEY?: string;

  /** Ports on 127.0.0.1 (HOST to change); the gateway finds the subgraphs by them or by *_URL. */
  @Transform(emptyToUndefined) @IsString() HOST: string = '127.0.0.1';
  @Transform(toInt) @IsInt() @Min(0) @Max(65535) GATEWAY_PORT: number = GATEWAY_DEFAULT_PORT;

  // `<NAME>_PORT` (default: the table's port) and `<NAME>_DATABASE_URL` (a full URL for one service's
  // own database, overriding DATABASE_URL + DATABASE_PREFIX) of every subgraph in SUBGRAPH_PORTS
  constructor() {
    for (const name of SUBGRAPH_NAMES) (this as Record<string, unknown>)[portVariable(name)] = SUBGRAPH_PORTS[name];
  }
}

// the per-subgraph settings, declared from the table (one line there adds a service's port and database)
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface ServiceConfig extends SubgraphSettings {}
for (const name of SUBGRAPH_NAMES) {
  const proto = ServiceConfig.prototype;
  for (const decorate of [Transform(toInt), IsInt(), Min(0), Max(65535)]) decorate(proto, portVariable(name));
  for (const decorate of [Transform(emptyToUndefined), IsOptional(), IsString()]) decorate(proto, databaseUrlVariable(name));
}

/** Reads and validates a config class from an environment; every problem is reported at once. */
export function loadConfig<T extends object>(cls: ClassConstructor<T>, env: NodeJS.ProcessEnv = process.env): T {
  const defaults = new cls() as Record<string, unknown>;
  const picked: Record<string, unknown> = {};
  for (const key of Object.keys(defaults).concat(Object.keys(env))) {
    if (env[key] !== undefined) picked[key] = env[key];
  }
  const config = plainToInstance(cls, { ...defaults, ...picked }, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: true });
  if (errors.length) {
    const lines = errors.flatMap((e) => Object.values(e.constraints ?? {}));
    throw new ConfigError(`invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return config;
}

export { toInt };

/** class-transformer: trims strings of an input before validation. */
export const trimString = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
