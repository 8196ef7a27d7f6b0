import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Observable } from 'rxjs';
import { contextOf, otelContext, startSpan, type RequestContext } from '@pc/platform';

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
