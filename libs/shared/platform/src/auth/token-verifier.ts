import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { LRUCache } from 'lru-cache';
import { Department, Role } from '@pc/contracts';
import type { AuthUser } from './claims';
import { unauthenticated } from '../errors/errors';

/** How tokens are checked: the HS256 demo secret and/or an OIDC issuer's JWKS (RS256, ES256). */
export interface TokenSettings {
  /** HS256 shared secret (the quick start's demo tokens). */
  secret?: string;
  /** The issuer's JSON Web Key Set; keys are fetched by `kid`, refreshed when an unknown one appears. */
  jwksUrl?: string;
  /** Expected `iss`, when set. */
  issuer?: string;
  /** Expected `aud`, when set. */
  audience?: string;
  /** The longest lifetime a token may have (seconds): `exp` is required and at most this far after `iat` and after now. */
  maxTtlSeconds: number;
  /** After fetching the JWKS, how long an unknown `kid` waits before the set is fetched again (ms). */
  jwksCooldownMs?: number;
}

const ROLES = new Set<string>(Object.values(Role));
/** Roles whose scope is a department (api.md): their tokens carry one. */
const DEPARTMENT_ROLES = new Set<string>([Role.DEPARTMENT_STAFF, Role.DEPARTMENT_HEAD]);
const DEPARTMENTS = new Set<string>(Object.values(Department));
/** Clock skew tolerated between the issuer and this process. */
const SKEW_S = 30;
/** Tokens whose verification is remembered (a console polls with the same token every few seconds). */
const VERIFIED_TOKENS = 10_000;
/** A verified token is checked again after this long at the latest (ms), whatever its expiry. */
const VERIFIED_FOR_MS = 5 * 60_000;

/** The caller's own copy of a remembered user: what one request changes, the next does not see. */
const copyOf = (u: AuthUser): AuthUser => ({ ...u, sites: [...u.sites], roles: [...u.roles] });

const isIdList = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string' && x.length > 0 && x.length <= 200);

/** The claims of api.md, checked for shape: a token that means more or less than it says is refused. */
export function claimsToUser(claims: JWTPayload): AuthUser {
  const { sub, org, sites, roles, department } = claims as Record<string, unknown>;
  if (typeof sub !== 'string' || !sub) throw unauthenticated('token lacks claim "sub"');
  if (typeof org !== 'string' || !org) throw unauthenticated('token lacks claim "org"');
  if (!isIdList(sites)) throw unauthenticated('claim "sites" must be an array of site ids');
  if (!isIdList(roles) || roles.length === 0 || roles.some((r) => !ROLES.has(r))) {
    throw unauthenticated('claim "roles" must be a non-empty array of known roles');
  }
  if (department !== undefined && (typeof department !== 'string' || !DEPARTMENTS.has(department))) {
    throw unauthenticated('claim "department" must be a Department value');
  }
  // api.md: department staff and heads carry their department; without it their scope is undefined (issue 29, finding 2)
  const departmental = roles.filter((r) => DEPARTMENT_ROLES.has(r));
  if (departmental.length && department === undefined) {
    throw unauthenticated(`claim "department" is required with role ${departmental.join(' and ')}`);
  }
  return { sub, org, sites: [...new Set(sites)], roles: [...new Set(roles)] as Role[], department: department as Department | undefined };
}

/**
 * Verifies bearer tokens: signature (HS256 with the configured secret, RS256/ES256
 * with the issuer's JWKS), `exp` required and bounded, `iss`/`aud` when configured, then the claims.
 * Keys are built once (the HMAC key at start, JWKS keys cached by `kid`, with rotation). A token
 * verified once is remembered (up to 10,000, least recently used out first) until its expiry, at most
 * five minutes: a console polling with one token pays for one verification, not one per request.
 */
export class TokenVerifier {
  private readonly hmacKey?: Uint8Array;
  private readonly jwks?: JWTVerifyGetKey;
  /** Tokens verified before, with their user, until their expiry (and never longer than 5 minutes). */
  private readonly verified = new LRUCache<string, AuthUser>({ max: VERIFIED_TOKENS });

  constructor(private readonly settings: TokenSettings) {
    if (settings.secret) this.hmacKey = new TextEncoder().encode(settings.secret);
    if (settings.jwksUrl) {
      this.jwks = createRemoteJWKSet(new URL(settings.jwksUrl), {
        cooldownDuration: settings.jwksCooldownMs ?? 30_000,
        cacheMaxAge: 600_000,
        timeoutDuration: 5_000,
      });
    }
    if (!this.hmacKey && !this.jwks) throw new Error('TokenVerifier needs AUTH_JWT_SECRET or AUTH_JWKS_URL');
  }

  async verify(token: string): Promise<AuthUser> {
    const known = this.verified.get(token);
    if (known) return copyOf(known);
    const { user, exp } = await this.verifyNow(token);
    const ttl = Math.min(VERIFIED_FOR_MS, (exp + SKEW_S) * 1000 - Date.now());
    if (ttl > 0) this.verified.set(token, user, { ttl });
    return copyOf(user);
  }

  /** The signature, the registered claims and the lifetime, then the claims of api.md. */
  private async verifyNow(token: string): Promise<{ user: AuthUser; exp: number }> {
    let alg: string | undefined;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw unauthenticated('invalid token: not a JWS');
    }
    let payload: JWTPayload;
    try {
      if (alg === 'HS256' && this.hmacKey) {
        payload = (await jwtVerify(token, this.hmacKey, this.options(['HS256']))).payload;
      } else if ((alg === 'RS256' || alg === 'ES256') && this.jwks) {
        payload = (await jwtVerify(token, this.jwks, this.options(['RS256', 'ES256']))).payload;
      } else {
        throw unauthenticated(`invalid token: algorithm ${alg ?? 'none'} is not accepted here`);
      }
    } catch (e) {
      if (e instanceof Error && e.name === 'DomainError') throw e;
      throw unauthenticated(`invalid token: ${(e as Error).message}`);
    }
    return { user: claimsToUser(payload), exp: this.checkLifetime(payload) };
  }

  private options(algorithms: string[]) {
    const { issuer, audience } = this.settings;
    return { algorithms, issuer: issuer || undefined, audience: audience || undefined, requiredClaims: ['exp'], clockTolerance: SKEW_S };
  }

  /** `exp` is required (jose checked it has not passed); a token may not live longer than the configured maximum. Returns `exp`. */
  private checkLifetime({ exp, iat }: JWTPayload): number {
    const max = this.settings.maxTtlSeconds;
    const now = Math.floor(Date.now() / 1000);
    if (typeof exp !== 'number') throw unauthenticated('token lacks claim "exp"');
    if (exp - now > max + SKEW_S) throw unauthenticated(`token expires too far ahead: at most ${max} s are accepted`);
    if (typeof iat === 'number' && exp - iat > max + SKEW_S) throw unauthenticated(`token lifetime exceeds ${max} s`);
    return exp;
  }
}
