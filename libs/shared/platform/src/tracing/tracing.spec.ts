import { contextOf, currentTraceparent, inSpan, initTracing, otelContext, startSpan } from './tracing';

/** Without an OTLP endpoint: the W3C context goes on from hop to hop, nothing is recorded. */
describe('tracing without an exporter', () => {
  beforeAll(() => initTracing('test', {}));

  const incoming = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

  it('continues the caller’s trace id with a span id of its own, and records nothing', () => {
    const { span, context } = startSpan('gateway op', contextOf(incoming));
    expect(span.isRecording()).toBe(false);
    const outgoing = otelContext.with(context, currentTraceparent)!;
    const [, traceId, spanId] = outgoing.split('-');
    expect(traceId).toBe('0af7651916cd43dd8448eb211c80319c');
    expect(spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(spanId).not.toBe('b7ad6b7169203331');
    span.end();
  });

  it('a consumer span continues the trace of its message', async () => {
    const seen = await inSpan('consume', 'consumer', contextOf(incoming), {}, (span) =>
      Promise.resolve({ recording: span.isRecording(), traceparent: currentTraceparent() }),
    );
    expect(seen.recording).toBe(false);
    expect(seen.traceparent?.split('-')[1]).toBe('0af7651916cd43dd8448eb211c80319c');
  });

  it('a request without a traceparent starts a trace of its own', () => {
    const { span, context } = startSpan('op', contextOf(undefined));
    expect(otelContext.with(context, currentTraceparent)).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/);
    span.end();
  });
});
