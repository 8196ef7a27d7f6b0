import { SpanKind, SpanStatusCode, context, propagation, trace, type Context, type Span } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { AlwaysOffSampler, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

/**
 * Traces with OpenTelemetry (the 2.x SDK and the 0.2xx OTLP exporter: the last lines that support
 * Node 20; 3.x needs Node 22). A request's trace goes from the gateway to the subgraph, into the
 * envelope of every event it writes (`traceparent`), across NATS (the message header), and into each
 * consumer's transaction. Spans are exported over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set;
 * without it the W3C context still propagates (so a trace begun elsewhere carries on: the same trace
 * id, each hop a span id of its own, flagged not sampled), and nothing is recorded or sent: spans that
 * no one exports are not built (they were ~3 % of the gateway's CPU).
 */
let provider: NodeTracerProvider | undefined;

/** Spans are recorded and exported (OTEL_EXPORTER_OTLP_ENDPOINT is set); otherwise only the context propagates. */
export function tracesRecorded(env: NodeJS.ProcessEnv = process.env): boolean {
  return !!env.OTEL_EXPORTER_OTLP_ENDPOINT;
}

export function initTracing(service: string, env: NodeJS.ProcessEnv = process.env): void {
  if (provider) return;
  const endpoint = tracesRecorded(env) ? env.OTEL_EXPORTER_OTLP_ENDPOINT!.replace(/\/$/, '') : undefined;
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': service }),
    ...(endpoint ? {} : { sampler: new AlwaysOffSampler() }),
    spanProcessors: endpoint
      ? [
          new BatchSpanProcessor(new OTLPTraceExporter({ url: `${endpoint}/v1/traces` }), {
            scheduledDelayMillis: Number(env.OTEL_BSP_SCHEDULE_DELAY) || 5000,
          }),
        ]
      : [],
  });
  provider.register({ propagator: new W3CTraceContextPropagator() });
}

/** Sends what is buffered (at shutdown). */
export async function shutdownTracing(): Promise<void> {
  await provider?.shutdown().catch(() => undefined);
}

const tracer = () => trace.getTracer('property-care');

/** The W3C `traceparent` of the active span, if any. */
export function currentTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent;
}

/** The context a `traceparent` (a header, an envelope) continues; the active one without it. */
export function contextOf(traceparent: string | undefined): Context {
  return traceparent ? propagation.extract(context.active(), { traceparent }) : context.active();
}

/** Runs `work` in a new span, child of `parent`; the span records a failure and ends with the work. */
export async function inSpan<T>(
  name: string,
  kind: 'server' | 'consumer' | 'internal',
  parent: Context,
  attributes: Record<string, string>,
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const span = tracer().startSpan(
    name,
    { kind: kind === 'server' ? SpanKind.SERVER : kind === 'consumer' ? SpanKind.CONSUMER : SpanKind.INTERNAL, attributes },
    parent,
  );
  try {
    return await context.with(trace.setSpan(parent, span), () => work(span));
  } catch (e) {
    span.recordException(e as Error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: (e as Error).message });
    throw e;
  } finally {
    span.end();
  }
}

/** Starts a span (child of `parent`) that the caller ends; its context is what work inside it runs with. */
export function startSpan(name: string, parent: Context, attributes: Record<string, string> = {}): { span: Span; context: Context } {
  const span = tracer().startSpan(name, { kind: SpanKind.SERVER, attributes }, parent);
  return { span, context: trace.setSpan(parent, span) };
}

export { context as otelContext };
