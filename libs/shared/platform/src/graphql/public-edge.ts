import { GraphQLError, Kind, type FieldNode } from 'graphql';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { ServiceConfig } from '../config/config';
import { PUBLIC_ROOT_FIELDS } from './graphql-edge';

/** An error with its HTTP status (and headers) for Apollo Server to answer with. */
export const httpError = (
  message: string,
  code: string,
  status: number,
  extra: Record<string, unknown> = {},
  headers?: Map<string, string>,
) => new GraphQLError(message, { extensions: { code, ...extra, http: { status, ...(headers ? { headers } : {}) } } });

/** Rate limits' answer: RATE_LIMITED with Retry-After. */
export function rateLimited(e: RateLimiterRes): GraphQLError {
  const retryAfter = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
  return httpError(
    `rate limit reached: try again in ${retryAfter} s`,
    'RATE_LIMITED',
    429,
    { retryAfter },
    new Map([['retry-after', String(retryAfter)]]),
  );
}

/**
 * The gateway's door for callers without a bearer (issue 30, the resident page): an operation is let
 * in only when every root field it selects is a public one (`residentCase`, `residentFeedback`), and
 * each counts against a minute's budget per link token and per client address.
 */
export class PublicEdgeLimits {
  private readonly perToken: RateLimiterMemory;
  private readonly perAddress: RateLimiterMemory;

  constructor(config: Pick<ServiceConfig, 'RESIDENT_RATE_PER_MIN_TOKEN' | 'RESIDENT_RATE_PER_MIN_ADDRESS'>) {
    this.perToken = new RateLimiterMemory({ keyPrefix: 'resident-token', points: config.RESIDENT_RATE_PER_MIN_TOKEN, duration: 60 });
    this.perAddress = new RateLimiterMemory({ keyPrefix: 'resident-address', points: config.RESIDENT_RATE_PER_MIN_ADDRESS, duration: 60 });
  }

  /** UNAUTHENTICATED unless every root field is public; RATE_LIMITED when a token or the address spent its minute. */
  async admit(fields: readonly FieldNode[], variables: Record<string, unknown>, address: string): Promise<void> {
    if (!fields.length || fields.some((f) => !PUBLIC_ROOT_FIELDS.has(f.name.value))) {
      throw httpError('missing "Authorization: Bearer <token>" header', 'UNAUTHENTICATED', 401);
    }
    const tokens = fields.map((f) => {
      const arg = f.arguments?.find((a) => a.name.value === 'token')?.value;
      const value = arg?.kind === Kind.VARIABLE ? variables[arg.name.value] : arg?.kind === Kind.STRING ? arg.value : undefined;
      return typeof value === 'string' ? value.slice(0, 200) : '';
    });
    try {
      await this.perAddress.consume(address, fields.length);
      for (const t of new Set(tokens)) await this.perToken.consume(t, tokens.filter((x) => x === t).length);
    } catch (e) {
      if (e instanceof RateLimiterRes) throw rateLimited(e);
      throw e;
    }
  }

  /** One read of a link's case outside GraphQL (the page the gateway sends): false when the token or the address spent its minute. */
  async admitRead(token: string, address: string): Promise<boolean> {
    try {
      await this.perAddress.consume(address, 1);
      await this.perToken.consume(token.slice(0, 200), 1);
      return true;
    } catch (e) {
      if (e instanceof RateLimiterRes) return false;
      throw e;
    }
  }
}
