import { callGateway } from './crash-http';
import { isDefinitive, outcomeOf, type SendRecord } from './send-record';

export interface RetryOptions {
  /** The gateway each retry goes to, asked before every attempt. */
  readonly gatewayUrl: () => string;
  readonly clientTimeoutMs: number;
  readonly concurrency: number;
  /** Retrying stops here; a request still without a definitive answer is left so for the checks to report. */
  readonly deadline: number;
}

const PAUSE_MS = 500;

/**
 * Sends every request that got no definitive answer (a 503, a network error, anything but 202 or
 * 402) again, with the SAME Idempotency-Key and body, until it gets one. A 409 request_in_progress
 * (the first attempt still holds the key) is waited out like a 503.
 */
export async function retryUndecided(records: readonly SendRecord[], options: RetryOptions): Promise<SendRecord[]> {
  const undecided = records.filter((record) => !isDefinitive(record.first));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < undecided.length) await retryUntilDecided(undecided[next++], options);
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return undecided;
}

async function retryUntilDecided(record: SendRecord, options: RetryOptions): Promise<void> {
  while (!isDefinitive(record.final) && Date.now() < options.deadline) {
    record.attempts += 1;
    record.retriedAt ??= Date.now();
    const result = await callGateway(options.gatewayUrl(), record.account.key, {
      method: 'POST',
      path: '/v1/messages',
      body: record.body,
      headers: { 'Idempotency-Key': record.idempotencyKey },
      timeoutMs: options.clientTimeoutMs,
    });
    record.final = outcomeOf(result);
    if (!isDefinitive(record.final)) await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  }
}
