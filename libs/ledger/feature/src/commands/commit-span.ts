import { type Link, propagation, ROOT_CONTEXT, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Envelope } from '@subledger/messaging';

const tracer = trace.getTracer('subledger-ledger');

/**
 * Runs the ledger's write transaction for a batch in a `ledger commit` span (docs/deployment.md,
 * "Tracing"), a child of the span handling the batch, linked to the trace of every command in it.
 * With tracing off, the tracer is OpenTelemetry's no-op one: nothing is recorded or read.
 */
export function inCommitSpan<T>(batch: readonly Envelope<unknown>[], work: () => Promise<T>): Promise<T> {
  return tracer.startActiveSpan('ledger commit', async (span) => {
    if (span.isRecording()) {
      span.setAttribute('subledger.batch.commands', batch.length);
      span.addLinks(linksOf(batch));
    }
    try {
      return await work();
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
      throw error;
    } finally {
      span.end();
    }
  });
}

function linksOf(batch: readonly Envelope<unknown>[]): Link[] {
  return batch.flatMap((message) => {
    const context = trace.getSpanContext(propagation.extract(ROOT_CONTEXT, message.headers));
    return context ? [{ context }] : [];
  });
}
