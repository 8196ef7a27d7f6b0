import {
  Injectable,
  Module,
  type CallHandler,
  type DynamicModule,
  type ExecutionContext,
  type MiddlewareConsumer,
  type NestInterceptor,
  type NestModule,
  type Provider,
} from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Observable } from 'rxjs';
import { contextOf, otelContext, startSpan, tracesRecorded, type RequestContext } from '@pc/platform';

const TRACED_PARENTS = new Set(['Query', 'Mutation']);

/**
 * A span per root field a subgraph resolves (queries, mutations, `_entities`), child of the caller's
 * `traceparent` header (the gateway's). The resolver runs inside it, so the events it writes carry
 * the trace on (EventWriter stamps the active `traceparent` into their envelopes).
 */
@Injectable()
export class TracingInterceptor implements NestInterceptor {
  constructor(private readonly service: string) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType<'graphql'>() !== 'graphql') return next.handle();
    const gql = GqlExecutionContext.create(ctx);
    const info = gql.getInfo<{ parentType: { name: string }; fieldName: string }>();
    if (!TRACED_PARENTS.has(info.parentType.name)) return next.handle();
    const header = gql.getContext<RequestContext>().req?.headers?.traceparent;
    const { span, context } = startSpan(
      `${this.service} ${info.parentType.name}.${info.fieldName}`,
      contextOf(typeof header === 'string' ? header : undefined),
      {
        'graphql.field': info.fieldName,
      },
    );
    return new Observable((subscriber) =>
      otelContext.with(context, () =>
        next.handle().subscribe({
          next: (v) => subscriber.next(v),
          error: (e: unknown) => {
            span.recordException(e as Error);
            span.end();
            subscriber.error(e);
          },
          complete: () => {
            span.end();
            subscriber.complete();
          },
        }),
      ),
    );
  }
}

/**
 * Without an exporter no span is recorded, and Nest's interceptor chain around every root field (an
 * `AsyncResource.bind` and an Observable per field: ~4 % of a small read's CPU) would build spans
 * nobody reads. Then the request simply runs in the caller's trace context (the gateway's
 * `traceparent`), so the events it writes still carry the caller's trace on.
 */
@Module({})
class TraceContextModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply((req: { headers: Record<string, unknown> }, _res: unknown, next: () => void) => {
        const header = req.headers.traceparent;
        if (typeof header !== 'string') return next();
        otelContext.with(contextOf(header), next);
      })
      .forRoutes('graphql');
  }
}

/** A span per root field when spans are recorded; otherwise the caller's trace context per request. */
export function subgraphTracing(
  service: string,
  env: NodeJS.ProcessEnv = process.env,
): { imports: DynamicModule[]; providers: Provider[] } {
  return tracesRecorded(env)
    ? { imports: [], providers: [{ provide: APP_INTERCEPTOR, useValue: new TracingInterceptor(service) }] }
    : { imports: [{ module: TraceContextModule }], providers: [] };
}
