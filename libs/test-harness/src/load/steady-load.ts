import { GatewayRotation } from './gateway-rotation';
import { SenderLoops } from './sender-loops';

/** A team the load sends for, with the API key it sends with. */
export interface LoadTeam {
  readonly teamId: string;
  readonly key: string;
}

/** One send and its answer: `status` 0 when the connection itself failed (refused, reset, timed out). */
export interface LoadAnswer {
  readonly team: number;
  readonly idempotencyKey: string;
  readonly body: { to: string; text: string };
  readonly startedAt: number;
  readonly endedAt: number;
  readonly status: number;
  readonly code: string | null;
  /** The charge of a 2xx answer, in micros. */
  readonly costMicros: bigint | null;
}

export interface SteadyLoadOptions {
  /** The gateways to send to, asked before every send: senders take turns among them. */
  readonly gatewayUrls: () => readonly string[];
  readonly teams: readonly LoadTeam[];
  readonly senders: number;
  /** Pause of each sender between two sends, so the load stays steady and small. */
  readonly pauseMs: number;
  /** How long a client waits for an answer; set well past the gateway's own deadline. */
  readonly clientTimeoutMs: number;
  /** Makes every Idempotency-Key of the run unique to it. */
  readonly runId: string;
}

/**
 * A few senders posting one SMS after another, each with a fresh Idempotency-Key, round-robin over
 * the teams and the gateways, recording every answer with its times. A gateway whose connection
 * failed is left out for a second, as a load balancer would.
 */
export class SteadyLoad {
  readonly answers: LoadAnswer[] = [];
  private sequence = 0;
  private readonly gateways: GatewayRotation;
  private readonly senders: SenderLoops;

  constructor(private readonly options: SteadyLoadOptions) {
    this.gateways = new GatewayRotation(options.gatewayUrls);
    this.senders = new SenderLoops(() => this.sendOne(), options.pauseMs);
  }

  start(): void {
    this.senders.start(this.options.senders);
  }

  /** Lets every sender finish the send it waits on, then returns. */
  stop(): Promise<void> {
    return this.senders.stop();
  }

  /** Answers of sends started in [from, to). */
  between(from: number, to = Infinity): LoadAnswer[] {
    return this.answers.filter((answer) => answer.startedAt >= from && answer.startedAt < to);
  }

  /** A live gateway's URL, for a caller's own requests. */
  gatewayUrl(): string {
    return this.gateways.next();
  }

  private async sendOne(): Promise<void> {
    const seq = ++this.sequence;
    const team = seq % this.options.teams.length;
    const idempotencyKey = `load-${this.options.runId}-${seq}`;
    const body = { to: '+14155550100', text: `Steady load ${seq}` };
    const url = this.gatewayUrl();
    const startedAt = Date.now();
    const answer = await sendMessage(
      url,
      this.options.teams[team].key,
      idempotencyKey,
      body,
      this.options.clientTimeoutMs,
    );
    if (answer.status === 0) this.gateways.failed(url);
    this.answers.push({ team, idempotencyKey, body, startedAt, endedAt: Date.now(), ...answer });
  }
}

/** One POST /v1/messages; a failed connection is status 0. */
export async function sendMessage(
  baseUrl: string,
  key: string,
  idempotencyKey: string,
  body: { to: string; text: string },
  timeoutMs: number,
): Promise<Pick<LoadAnswer, 'status' | 'code' | 'costMicros'>> {
  try {
    const response = await fetch(`${baseUrl}/v1/messages`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${key}`,
        'content-type': 'application/json',
        'idempotency-key': idempotencyKey,
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    const costText = /"cost":\s*([0-9.eE+-]+)/.exec(text)?.[1];
    const code = /"code":\s*"([a-z_]+)"/.exec(text)?.[1] ?? null;
    return {
      status: response.status,
      code,
      costMicros: response.status < 300 && costText !== undefined ? usdTextToMicros(costText) : null,
    };
  } catch {
    return { status: 0, code: null, costMicros: null };
  }
}

/** A USD amount as the API writes it (`0.0079`) in micros, read from its digits, never through a double. */
export function usdTextToMicros(text: string): bigint {
  const [units, fraction = ''] = text.split('.');
  if (!/^\d+$/.test(units) || !/^\d{0,6}$/.test(fraction)) throw new Error(`not an amount of micros: ${text}`);
  return BigInt(units) * 1_000_000n + BigInt(fraction.padEnd(6, '0'));
}
