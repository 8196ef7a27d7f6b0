import { timingSafeEqual } from 'node:crypto';
import {
  ArgumentsHost,
  Catch,
  CanActivate,
  ExecutionContext,
  HttpException,
  Injectable,
  Logger,
  SetMetadata,
  ValidationPipe,
  createParamDecorator,
  type ValidationError,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExceptionFilter, GqlExecutionContext } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { Role } from '@pc/contracts';
import { AuthUser, assertRole, bearerToken } from '../auth/claims';
import { DomainError, unauthenticated } from '../errors/errors';
import { safeError } from '../errors/log-safety';
import type { TokenVerifier } from '../auth/token-verifier';

const ROLES_KEY = 'pc:roles';
/** Header the gateway adds to every subgraph request when GATEWAY_SECRET is set. */
export const GATEWAY_SECRET_HEADER = 'x-gateway-secret';

/** Restricts a resolver to the given roles (ADMIN always passes). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

const PUBLIC_KEY = 'pc:public';
/**
 * A resolver that answers without a bearer token (the resident page's `residentCase` and
 * `residentFeedback`, which carry their own signed link). The gateway admits an operation without a
 * token only when every root field it selects is one of PUBLIC_ROOT_FIELDS, and rate-limits it.
 */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
/** The root fields an operation without a bearer may select (the resident page's). */
export const PUBLIC_ROOT_FIELDS: ReadonlySet<string> = new Set(['residentCase', 'residentFeedback']);

type Headers = Record<string, string | string[] | undefined>;

/** The GraphQL context of one request: the verified user (none without a token), and whether the gateway sent it. */
export interface RequestContext {
  req?: { headers: Headers };
  user?: AuthUser;
  /** The request carries the gateway's shared secret. */
  fromGateway?: boolean;
}
function header(headers: Headers, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Constant-time comparison of a presented secret with the configured one. */
export function secretMatches(presented: string | undefined, secret: string): boolean {
  if (!presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Builds the request context once per request: the bearer token (if any) is verified here, so that
 * every resolver, reference resolver (`_entities`) and field resolver sees the same user. A request
 * without a token gets no user (resolvers then answer UNAUTHENTICATED); a bad token is refused outright.
 */
export function requestContextFactory(verifier: TokenVerifier, gatewaySecret?: string) {
  return async ({ req }: { req: { headers: Headers } }): Promise<RequestContext> => {
    const fromGateway = gatewaySecret ? secretMatches(header(req.headers, GATEWAY_SECRET_HEADER), gatewaySecret) : false;
    if (!header(req.headers, 'authorization')) return { req, fromGateway };
    try {
      return { req, fromGateway, user: await verifier.verify(bearerToken(req.headers.authorization)) };
    } catch (e) {
      const reason = e instanceof DomainError ? e.reason : 'invalid token';
      throw new GraphQLError(reason, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
    }
  };
}

/**
 * The GraphQL context of a resolver call. Field resolvers get (root, args, context, info), but
 * federation reference resolvers get (reference, context, info): find it by shape.
 */
function gqlContext(context: ExecutionContext): RequestContext {
  const found = context.getArgs<unknown[]>().find((a) => a !== null && typeof a === 'object' && 'req' in a);
  return (found ?? GqlExecutionContext.create(context).getContext()) as RequestContext;
}

/**
 * Every subgraph verifies the caller's token itself (the gateway forwards it): a subgraph reached
 * directly is as closed as the gateway. The token was verified when the context was built; this
 * guard refuses a resolver without a user and checks its roles. Federation's own `_service` and
 * `_entities` root fields are not Nest resolvers: the schema guard plugin covers them, and the
 * reference resolvers apply the tenant scope themselves.
 */
@Injectable()
export class GqlAuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') return true;
    const ctx = gqlContext(context);
    if (!ctx.user && this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, [context.getHandler(), context.getClass()])) {
      return true;
    }
    if (!ctx.user) throw unauthenticated('missing "Authorization: Bearer <token>" header');
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (roles?.length) assertRole(ctx.user, roles);
    return true;
  }
}

export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthUser => {
  const user = gqlContext(context).user;
  if (!user) throw new DomainError('UNAUTHENTICATED', 'no authenticated user on this request');
  return user;
});

export function toGraphQLError(e: DomainError): GraphQLError {
  return new GraphQLError(e.message, {
    extensions: { code: e.code, field: e.field, reason: e.reason, ...e.details },
  });
}

/** The one place where errors become GraphQL errors. Unknown errors are logged and masked. */
@Catch()
export class GraphqlErrorFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('GraphqlErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() !== 'graphql') throw exception;
    if (exception instanceof DomainError) return toGraphQLError(exception);
    if (exception instanceof GraphQLError) return exception;
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      return new GraphQLError(exception.message, { extensions: { code: 'BAD_REQUEST' } });
    }
    this.logger.error({ err: safeError(exception) }, 'unhandled error in resolver');
    return new GraphQLError('internal error', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  }
}

function flattenValidation(errors: ValidationError[], prefix = ''): { field: string; reason: string }[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((reason) => ({ field, reason }));
    return [...own, ...flattenValidation(e.children ?? [], field)];
  });
}

/** class-validator at the edge: the first failing field becomes `extensions.field`; all are listed. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    exceptionFactory: (errors: ValidationError[]) => {
      const all = flattenValidation(errors);
      const first = all[0] ?? { field: 'input', reason: 'invalid input' };
      return new DomainError('BAD_USER_INPUT', first.reason, first.field, { errors: all });
    },
  });
}
