import jwt from 'jsonwebtoken';
import { Department, Role } from '@pc/contracts';
import { forbidden, unauthenticated } from './errors';

/** The claims of api.md, as every service sees them after verification. */
export interface AuthUser {
  sub: string;
  org: string;
  sites: string[];
  roles: Role[];
  department?: Department;
}

const ROLES = new Set<string>(Object.values(Role));
const DEPARTMENTS = new Set<string>(Object.values(Department));

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string' && x.length > 0);
}

/** Verifies an HS256 token and the shape of its claims; throws UNAUTHENTICATED otherwise. */
export function verifyToken(token: string, secret: string): AuthUser {
  let claims: jwt.JwtPayload | string;
  try {
    claims = jwt.verify(token, secret, { algorithms: ['HS256'] });
  } catch (e) {
    throw unauthenticated(`invalid token: ${(e as Error).message}`);
  }
  if (typeof claims === 'string') {
    throw unauthenticated('invalid token: claims must be a JSON object');
  }
  const { sub, org, sites, roles, department } = claims as Record<string, unknown>;
  if (typeof sub !== 'string' || !sub) throw unauthenticated('token lacks claim "sub"');
  if (typeof org !== 'string' || !org) throw unauthenticated('token lacks claim "org"');
  if (!isStringArray(sites)) throw unauthenticated('claim "sites" must be an array of site ids');
  if (!isStringArray(roles) || roles.some((r) => !ROLES.has(r))) {
    throw unauthenticated('claim "roles" must be an array of known roles');
  }
  if (department !== undefined && (typeof department !== 'string' || !DEPARTMENTS.has(department))) {
    throw unauthenticated('claim "department" must be a Department value');
  }
  return { sub, org, sites, roles: roles as Role[], department: department as Department | undefined };
}

export function bearerToken(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^Bearer\s+(\S+)$/i.exec(value ?? '');
  if (!match) throw unauthenticated('missing "Authorization: Bearer <token>" header');
  return match[1];
}

export function signToken(user: AuthUser, secret: string, expiresIn: jwt.SignOptions['expiresIn'] = '12h'): string {
  const { sub, ...rest } = user;
  return jwt.sign(rest, secret, { algorithm: 'HS256', subject: sub, expiresIn });
}

export const seesAllSites = (user: AuthUser): boolean => user.sites.includes('*');

export const canSeeSite = (user: AuthUser, siteId: string): boolean =>
  seesAllSites(user) || user.sites.includes(siteId);

/** Throws FORBIDDEN when the user may not act on the site (its own organisation is implied). */
export function assertSite(user: AuthUser, siteId: string): void {
  if (!canSeeSite(user, siteId)) throw forbidden(`no access to site ${siteId}`);
}

/** ADMIN may do everything within its organisation. */
export function hasAnyRole(user: AuthUser, roles: readonly Role[]): boolean {
  return user.roles.includes(Role.ADMIN) || roles.some((r) => user.roles.includes(r));
}

export function assertRole(user: AuthUser, roles: readonly Role[]): void {
  if (!hasAnyRole(user, roles)) {
    throw forbidden(`requires one of the roles ${roles.join(', ')}`);
  }
}

/**
 * A site filter for queries: undefined means "every site of the organisation"; otherwise the
 * list the user was granted (optionally narrowed to one requested site, which must be granted).
 */
export function siteScope(user: AuthUser, requested?: string | null): string[] | undefined {
  if (requested) {
    assertSite(user, requested);
    return [requested];
  }
  return seesAllSites(user) ? undefined : user.sites;
}
