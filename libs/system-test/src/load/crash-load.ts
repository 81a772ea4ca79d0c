import { GatewayRotation, SenderLoops } from '@subledger/test-harness';
import { callGateway } from './crash-http';
import type { SendingAccount } from './crash-teams';
import { isDefinitive, newSendRecord, outcomeOf, type SendBody, type SendRecord } from './send-record';

export interface CrashLoadOptions {
  /** The gateways to send to, asked before every send: senders take turns among them. */
  readonly gatewayUrls: () => readonly string[];
  readonly accounts: readonly SendingAccount[];
  readonly senders: number;
  /** How long a client waits for an answer before it counts the attempt as a network error. */
  readonly clientTimeoutMs: number;
  /** Makes every Idempotency-Key of the run unique to it. */
  readonly runId: string;
  /** Pause of each sender between two sends; none by default. */
  readonly pauseMs?: number;
}

/** An SMS to +1: one segment (7,900 micros) for most, two for every fifth, so charges are not all alike. */
export function sendBodyOf(seq: number): SendBody {
  const text = seq % 5 === 0 ? `Crash load ${seq} `.padEnd(170, '.') : `Crash load ${seq}`;
  return { to: '+14155550100', text };
}

/**
 * Concurrent senders, each posting one message after another from a random account, each with a
 * fresh Idempotency-Key, and recording every request with its first answer. `inFlight()` names the
 * requests still waiting for an answer at this moment. A gateway whose connection failed is left
 * out for a second, as a load balancer would. It may be stopped and started again: the records go on.
 */
export class CrashLoad {
  readonly records: SendRecord[] = [];
  /** The crash cycle new requests are recorded under. */
  cycle = 0;
  private readonly pending = new Set<SendRecord>();
  private readonly senders: SenderLoops;
  private readonly gateways: GatewayRotation;

  constructor(private readonly options: CrashLoadOptions) {
    this.gateways = new GatewayRotation(options.gatewayUrls);
    this.senders = new SenderLoops(() => this.sendOne(), options.pauseMs ?? null);
  }

  start(): void {
    this.senders.start(this.options.senders);
  }

  /** Lets every sender finish the request it is waiting on, then returns. */
  stop(): Promise<void> {
    return this.senders.stop();
  }

  inFlight(): SendRecord[] {
    return [...this.pending];
  }

  /** Whether a request sent at or after `since` got a definitive answer (202 or 402). */
  answeredSince(since: number): boolean {
    return this.records.some((record) => record.startedAt >= since && isDefinitive(record.first));
  }

  /** A live gateway's URL, for a caller's own requests. */
  gatewayUrl(): string {
    return this.gateways.next();
  }

  private async sendOne(): Promise<void> {
    const { accounts, runId, clientTimeoutMs } = this.options;
    const seq = this.records.length + 1;
    const account = accounts[Math.floor(Math.random() * accounts.length)];
    const gatewayUrl = this.gatewayUrl();
    const record = newSendRecord({
      seq,
      account,
      idempotencyKey: `crash-${runId}-${seq}`,
      body: sendBodyOf(seq),
      cycle: this.cycle,
      gatewayUrl,
    });
    this.records.push(record);
    this.pending.add(record);
    record.attempts = 1;
    const result = await callGateway(gatewayUrl, account.key, {
      method: 'POST',
      path: '/v1/messages',
      body: record.body,
      headers: { 'Idempotency-Key': record.idempotencyKey },
      timeoutMs: clientTimeoutMs,
    });
    if (result.type === 'network_error') this.gateways.failed(gatewayUrl);
    record.endedAt = Date.now();
    record.first = outcomeOf(result);
    record.final = record.first;
    this.pending.delete(record);
  }
}
