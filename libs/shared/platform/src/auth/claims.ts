import jwt from 'jsonwebtoken';
import { Department, Role } from '@pc/contracts';
import { forbidden, unauthenticated } from '../errors/errors';

/** The claims of api.md, as every service sees them after verification. */
export interface AuthUser {
  sub: string;
  org: string;
  sites: string[];
  roles: Role[];
  department?: Department;
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

/** ADMIN may do everything within its organisation. */
export function hasAnyRole(user: AuthUser, roles: readonly Role[]): boolean {
  return user.roles.includes(Role.ADMIN) || roles.some((r) => user.roles.includes(r));
}

export function assertRole(user: AuthUser, roles: readonly Role[]): void {
  if (!hasAnyRole(user, roles)) {
    throw forbidden(`requires one of the roles ${roles.join(', ')}`);
  }
}
