import { Controller, Get, Header } from '@nestjs/common';
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind } from 'graphql';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The one Prometheus registry of a process (`GET /metrics`, prom-client 15): Node's own metrics
 * (CPU, memory, event-loop lag, GC), HTTP and GraphQL latencies, and what each library and service
 * adds (outbox, consumers, timers, SLA breaches, callbacks overdue). Label values are bounded: routes,
 * operation types and root fields of the schema, durable names, clocks and departments.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const httpRequestDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP requests by method, route and status code.',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

export const graphqlOperationDuration = new Histogram({
  name: 'graphql_operation_duration_seconds',
  help: 'GraphQL operations by type, first root field and outcome (ok or the first error code).',
  labelNames: ['type', 'field', 'outcome'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

export const timersFired = new Counter({
  name: 'timers_fired_total',
  help: 'Durable timers fired, by source.',
  labelNames: ['source'] as const,
  registers: [metricsRegistry],
});

export const timerLateness = new Histogram({
  name: 'timer_lateness_seconds',
  help: 'How long after its due time a timer fired, by source.',
  labelNames: ['source'] as const,
  buckets: [0.5, 1, 2, 5, 10, 30, 60, 300, 3600, 86_400],
  registers: [metricsRegistry],
});

export const slaBreaches = new Counter({
  name: 'sla_breaches_total',
  help: 'SLA clocks fired as breached, by clock and department (counted in the firing transaction).',
  labelNames: ['clock', 'department'] as const,
  registers: [metricsRegistry],
});

export const eventsConsumed = new Counter({
  name: 'events_consumed_total',
  help: 'Bus messages handled, by durable consumer and outcome (applied, duplicate, retried, parked).',
  labelNames: ['durable', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const housekeepingDeleted = new Counter({
  name: 'housekeeping_deleted_total',
  help: 'Rows pruned by housekeeping, by table (published outbox rows, processed-message ids).',
  labelNames: ['table'] as const,
  registers: [metricsRegistry],
});

/** A gauge whose values are read when Prometheus scrapes (a count in the database, a consumer's lag). */
export function scrapeGauge<L extends string>(
  name: string,
  help: string,
  labelNames: readonly L[],
  collect: (set: (value: number, labels?: Partial<Record<L, string>>) => void) => Promise<void>,
): Gauge<L> {
  const existing = metricsRegistry.getSingleMetric(name);
  if (existing) metricsRegistry.removeSingleMetric(name); // a second app in one process (tests) replaces the first
  return new Gauge<L>({
    name,
    help,
    labelNames,
    registers: [metricsRegistry],
    async collect() {
      this.reset();
      try {
        await collect((value, labels) => (labels ? this.set(labels, value) : this.set(value)));
      } catch {
        // a scrape while the database or the bus is away shows no value rather than failing the scrape
      }
    },
  });
}

/** `GET /metrics`: Prometheus text. Like `/health` it carries no customer data and no token. */
@Controller('metrics')
export class MetricsController {
  @Get()
  @Header('content-type', metricsRegistry.contentType)
  metrics(): Promise<string> {
    return metricsRegistry.metrics();
  }
}

/** Times every HTTP request on an express app (a route label per known path; anything else is `other`). */
export function observeHttp(app: { use(handler: (req: never, res: never, next: () => void) => void): unknown }): void {
  const known = /^\/(graphql|health|metrics|exports\/[a-z-]+\.(csv|xlsx))$/;
  app.use(
    (
      req: { method: string; originalUrl: string },
      res: { statusCode: number; once(e: 'finish', f: () => void): void },
      next: () => void,
    ) => {
      const end = httpRequestDuration.startTimer();
      // the path as it came (a mounted handler, GraphQL's, sees its own mount point as `/`)
      const path = req.originalUrl.split('?')[0];
      res.once('finish', () => end({ method: req.method, route: known.test(path) ? path : 'other', status: String(res.statusCode) }));
      next();
    },
  );
}

/** Times every GraphQL operation by its type and first root field (bounded by the schema, unlike operation names). */
export function graphqlMetricsPlugin(): ApolloServerPlugin {
  return {
    requestDidStart() {
      const end = graphqlOperationDuration.startTimer();
      return Promise.resolve({
        willSendResponse(ctx) {
          const op = ctx.operation;
          const first = op?.selectionSet.selections.find((sel) => sel.kind === Kind.FIELD);
          const field = first?.kind === Kind.FIELD ? first.name.value : 'unknown';
          const code = ctx.errors?.[0]?.extensions?.code;
          end({
            type: op?.operation ?? 'invalid',
            field,
            outcome: ctx.errors?.length ? (typeof code === 'string' ? code : 'ERROR') : 'ok',
          });
          return Promise.resolve();
        },
      });
    },
  };
}
