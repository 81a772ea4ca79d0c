import type { KafkaJsInstrumentationConfig } from '@opentelemetry/instrumentation-kafkajs';
import type { NodeSDK } from '@opentelemetry/sdk-node';
import { tracingDefaults, tracingWanted } from './tracing-settings';

/** The header a publish carries its caller's trace context in until the producer sends it (traced-bus.ts). */
export const ORIGIN_TRACEPARENT = 'x-origin-traceparent';

let sdk: NodeSDK | undefined;

/** Whether startTracing started the SDK in this process. */
export function tracingStarted(): boolean {
  return sdk !== undefined;
}

/**
 * Starts OpenTelemetry tracing when the OTEL_* environment asks for it (tracingWanted), with spans
 * for HTTP (in and out) and kafkajs (produce, and consume with the context taken from the message
 * headers), exported as the SDK's environment says (OTEL_TRACES_EXPORTER, OTEL_EXPORTER_OTLP_*,
 * OTEL_BSP_*, OTEL_TRACES_SAMPLER...). Must run before kafkajs and http are loaded, hence each app's
 * `tracing.ts` imported first by its `main.ts`. When off, it returns at once and no OpenTelemetry
 * SDK or instrumentation module is ever loaded. docs/deployment.md, "Tracing".
 */
export function startTracing(serviceName: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (sdk !== undefined || !tracingWanted(env)) return sdk !== undefined;
  Object.assign(env, tracingDefaults(env, serviceName));
  const { NodeSDK } = require('@opentelemetry/sdk-node') as typeof import('@opentelemetry/sdk-node');
  const { HttpInstrumentation } =
    require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { KafkaJsInstrumentation } =
    require('@opentelemetry/instrumentation-kafkajs') as typeof import('@opentelemetry/instrumentation-kafkajs');
  sdk = new NodeSDK({
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) =>
          request.url?.startsWith('/health') === true || request.url === '/metrics',
      }),
      new KafkaJsInstrumentation({ producerHook: keepCallerContext }),
    ],
  });
  sdk.start();
  return true;
}

/** Ends the spans still buffered, so a process stopping does not lose its last ones. */
export async function stopTracing(): Promise<void> {
  const started = sdk;
  sdk = undefined;
  await started?.shutdown();
}

/**
 * The bus coalesces publishes made while a send is in flight into the next send (CoalescingSender),
 * so kafkajs' producer span of a message may belong to whichever request started that send. The
 * message's own caller context, kept by the traced bus in ORIGIN_TRACEPARENT, then travels instead,
 * so that its consumer continues the right trace; when the send span is of the caller's trace, it
 * travels as the instrumentation set it (the consumer's parent is then the send span).
 */
const keepCallerContext: NonNullable<KafkaJsInstrumentationConfig['producerHook']> = (span, { message }) => {
  const headers = message.headers;
  const origin = headers?.[ORIGIN_TRACEPARENT];
  if (headers === undefined || origin === undefined) return;
  delete headers[ORIGIN_TRACEPARENT];
  const originTrace = String(origin).split('-')[1];
  if (originTrace !== span.spanContext().traceId) headers.traceparent = String(origin);
};
