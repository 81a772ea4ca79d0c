import {
  context,
  type Context,
  type Link,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import type { BatchHandler, Envelope, MessageBus } from '@subledger/messaging';
import { ORIGIN_TRACEPARENT } from './start-tracing';

const tracer = trace.getTracer('subledger');

/**
 * With tracing on (startTracing), a Kafka bus whose messages carry their publisher's trace context
 * and whose handlers run in a span of the trace they continue:
 * - each publish keeps the caller's context (ORIGIN_TRACEPARENT), which the producer hook puts in
 *   the `traceparent` header if the send that carries it belongs to another trace;
 * - each handled batch gets a `handle <topic>` consumer span whose parent is the context of its
 *   first message that has one and which links to every message's, so one request's trace goes on
 *   through the services that handle it (a batch serving several requests joins the first one's
 *   trace and links the others).
 * Changes `publish` and `subscribe` in place (request and handOver publish through `publish`).
 */
export function traceBus<B extends MessageBus>(bus: B): B {
  const publish = bus.publish.bind(bus);
  bus.publish = (topic: string, key: string, value: unknown, headers: Record<string, string> = {}) => {
    const carrier: Record<string, string> = {};
    propagation.inject(context.active(), carrier);
    return publish(
      topic,
      key,
      value,
      carrier.traceparent === undefined ? headers : { ...headers, [ORIGIN_TRACEPARENT]: carrier.traceparent },
    );
  };
  const subscribe = bus.subscribe.bind(bus);
  bus.subscribe = <T, R>(
    topic: string,
    group: string,
    handler: BatchHandler<T, R>,
    options?: Parameters<MessageBus['subscribe']>[3],
  ) => subscribe<T, R>(topic, group, (batch) => handleInSpan(topic, group, batch, handler), options);
  return bus;
}

function handleInSpan<T, R>(
  topic: string,
  group: string,
  batch: Envelope<T>[],
  handler: BatchHandler<T, R>,
): Promise<(R | undefined)[]> {
  const contexts = batch.map((message) => propagation.extract(ROOT_CONTEXT, message.headers));
  const links: Link[] = contexts.flatMap((extracted) => {
    const span = trace.getSpanContext(extracted);
    return span ? [{ context: span }] : [];
  });
  const parent: Context = contexts.find((extracted) => trace.getSpanContext(extracted) !== undefined) ?? ROOT_CONTEXT;
  const attributes = {
    'messaging.system': 'kafka',
    'messaging.destination.name': topic,
    'messaging.consumer.group.name': group,
    'messaging.batch.message_count': batch.length,
  };
  return tracer.startActiveSpan(
    `handle ${topic}`,
    { kind: SpanKind.CONSUMER, links, attributes },
    parent,
    async (span) => {
      try {
        return await handler(batch);
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}
