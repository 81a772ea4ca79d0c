import { usdTextToMicros } from './usd-micros';

/** What the load tool saw for one API key. */
export interface KeyAnswers {
  /** Requests written to a connection (each may or may not have reached the server). */
  sent: number;
  /** 2xx answers. */
  accepted: number;
  /** 4xx answers: refused, nothing charged. */
  refused: number;
  /** The `message.cost` text of every 2xx answer, with how often it came. */
  costs: Map<string, number>;
}

// The cost is read from the answer's text rather than through JSON.parse: exact, and cheap enough
// to run on every answer without slowing the load tool.
const COST = /"cost":\s*(-?[0-9][0-9.eE+-]*)/;

/** Answers per API key (by index), filled from autocannon's callbacks during a run. */
export class AnswerTally {
  private readonly keys: KeyAnswers[];

  constructor(keyCount: number) {
    this.keys = Array.from({ length: keyCount }, () => ({ sent: 0, accepted: 0, refused: 0, costs: new Map() }));
  }

  sent(key: number): void {
    this.keys[key].sent++;
  }

  answered(key: number, status: number, body: string): void {
    const answers = this.keys[key];
    if (status >= 200 && status < 300) {
      answers.accepted++;
      const cost = COST.exec(body)?.[1] ?? 'missing';
      answers.costs.set(cost, (answers.costs.get(cost) ?? 0) + 1);
    } else if (status >= 400 && status < 500) answers.refused++;
  }

  of(key: number): KeyAnswers {
    return this.keys[key];
  }
}

/** Sum of the costs of the key's 2xx answers, in micros; throws if an answer carried no readable cost. */
export function acceptedMicros(answers: KeyAnswers): bigint {
  let sum = 0n;
  for (const [text, count] of answers.costs) sum += usdTextToMicros(text) * BigInt(count);
  return sum;
}

/**
 * Requests whose outcome the client does not know: still in flight when the run stopped, timed out,
 * cut by a connection error, or answered 5xx (a 503 upstream timeout may still have been charged).
 */
export function unknownOutcomes(answers: KeyAnswers): number {
  return answers.sent - answers.accepted - answers.refused;
}
