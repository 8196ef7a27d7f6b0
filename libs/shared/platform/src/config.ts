import { plainToInstance, Transform, type ClassConstructor } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, Min, MinLength, validateSync } from 'class-validator';

export class ConfigError extends Error {}

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/**
 * The settings every service reads (documented in `.env.example`). A service's own config class
 * extends this with its port and anything else it needs.
 */
export class ServiceConfig {
  @Transform(emptyToUndefined) @IsString() @IsNotEmpty() NATS_URL: string = 'nats://127.0.0.1:4222';
  /** Prefix of stream names and subjects; lets several systems (or test runs) share one NATS. */
  @Transform(emptyToUndefined) @IsString() @IsNotEmpty() NATS_NAMESPACE: string = 'pc';
  /** PostgreSQL server URL; each service uses its own database `<DATABASE_PREFIX>_<service>`. */
  @Transform(emptyToUndefined) @IsOptional() @IsString() DATABASE_URL?: string;
  @Transform(emptyToUndefined) @IsString() @IsNotEmpty() DATABASE_PREFIX: string = 'pc';
  /** Where the embedded SQLite files live when no DATABASE_URL is given. */
  @Transform(emptyToUndefined) @IsString() @IsNotEmpty() DATA_DIR: string = '.data';
  @Transform(emptyToUndefined)
  @IsString()
  @MinLength(16, { message: 'AUTH_JWT_SECRET must be at least 16 characters' })
  AUTH_JWT_SECRET: string;
  @Transform(emptyToUndefined) @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';
  @Transform(toInt) @IsInt() @Min(1) @Max(3600_000) OUTBOX_POLL_MS: number = 500;

  /** Dispatch and callback: how often the timer scheduler looks for due timers (ms); the most a deadline fires late. 0 = off. */
  @Transform(toInt) @IsInt() @Min(0) @Max(3600_000) SLA_SCAN_MS: number = 1000;
  /** Dispatch and callback: timers the scheduler claims per transaction. */
  @Transform(toInt) @IsInt() @Min(1) @Max(10_000) SLA_BATCH_SIZE: number = 500;

  /** Ports on 127.0.0.1 (HOST to change); the gateway finds the subgraphs by them or by *_URL. */
  @Transform(emptyToUndefined) @IsString() HOST: string = '127.0.0.1';
  @Transform(toInt) @IsInt() @Min(0) @Max(65535) GATEWAY_PORT: number = 4000;
  @Transform(toInt) @IsInt() @Min(0) @Max(65535) INTAKE_PORT: number = 4001;
  @Transform(toInt) @IsInt() @Min(0) @Max(65535) DISPATCH_PORT: number = 4002;
  @Transform(toInt) @IsInt() @Min(0) @Max(65535) CALLBACK_PORT: number = 4003;
  @Transform(toInt) @IsInt() @Min(0) @Max(65535) ANALYTICS_PORT: number = 4004;

  /** A full URL for one service's own database (overrides DATABASE_URL + DATABASE_PREFIX). */
  @Transform(emptyToUndefined) @IsOptional() @IsString() INTAKE_DATABASE_URL?: string;
  @Transform(emptyToUndefined) @IsOptional() @IsString() DISPATCH_DATABASE_URL?: string;
  @Transform(emptyToUndefined) @IsOptional() @IsString() CALLBACK_DATABASE_URL?: string;
  @Transform(emptyToUndefined) @IsOptional() @IsString() ANALYTICS_DATABASE_URL?: string;
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
