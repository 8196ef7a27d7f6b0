import {
  ArgumentsHost,
  Catch,
  CanActivate,
  ExecutionContext,
  HttpException,
  Inject,
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
import { AuthUser, assertRole, bearerToken, verifyToken } from './auth';
import { DomainError } from './errors';

export const AUTH_SECRET = Symbol('AUTH_SECRET');
const ROLES_KEY = 'pc:roles';

/** Restricts a resolver to the given roles (ADMIN always passes). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

interface GqlContext {
  req?: { headers: Record<string, string | string[] | undefined> };
  user?: AuthUser;
}

/**
 * The GraphQL context of a resolver call. Field resolvers get (root, args, context, info), but
 * federation reference resolvers get (reference, context, info): find it by shape.
 */
function gqlContext(context: ExecutionContext): GqlContext {
  const found = context.getArgs().find((a) => a !== null && typeof a === 'object' && 'req' in a);
  return (found ?? GqlExecutionContext.create(context).getContext()) as GqlContext;
}

/**
 * Every subgraph verifies the caller's token itself (the gateway forwards it): a subgraph reached
 * directly is as closed as the gateway. Federation's own `_service` and `_entities` root fields
 * are not Nest resolvers; `_entities` still resolves fields through guarded resolvers.
 */
@Injectable()
export class GqlAuthGuard implements CanActivate {
  constructor(
    @Inject(AUTH_SECRET) private readonly secret: string,
    private readonly reflector: Reflector,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') return true;
    const ctx = gqlContext(context);
    if (!ctx.user) {
      ctx.user = verifyToken(bearerToken(ctx.req?.headers.authorization), this.secret);
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
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
    this.logger.error({ err: exception }, 'unhandled error in resolver');
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
