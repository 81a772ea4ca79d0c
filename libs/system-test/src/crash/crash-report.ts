import { appendFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChargeHistory } from '../audit/charge-decisions';
import { isDefinitive, type SendOutcome, type SendRecord } from '../load/send-record';

type Tally = Record<'202' | '402' | '503' | 'network' | 'other' | 'pending', number>;

export function tally(outcomes: readonly (SendOutcome | undefined)[]): Tally {
  const counts: Tally = { '202': 0, '402': 0, '503': 0, network: 0, other: 0, pending: 0 };
  for (const outcome of outcomes) counts[bucketOf(outcome)] += 1;
  return counts;
}

function bucketOf(outcome: SendOutcome | undefined): keyof Tally {
  switch (outcome?.type) {
    case undefined:
      return 'pending';
    case 'accepted':
      return '202';
    case 'refused':
      return '402';
    case 'timed_out':
      return '503';
    case 'network_error':
      return 'network';
    case 'unexpected':
      return 'other';
  }
}

/**
 * Whether the ledger decided the charge on the command of the first attempt (committed before the
 * kill, or redelivered to the restarted ledger) rather than on a retry's: the event carries the
 * time of the command it was decided on.
 */
function decidedBeforeRetry(record: SendRecord, histories: ReadonlyMap<string, ChargeHistory>): boolean {
  const history = histories.get(record.chargeId);
  const decision = history?.accepted[0]?.event ?? history?.refused[0]?.event;
  return decision !== undefined && record.retriedAt !== undefined && decision.at < record.retriedAt;
}

const show = (counts: Tally) =>
  Object.entries(counts)
    .filter(([bucket, count]) => count > 0 || bucket === '202' || bucket === '402' || bucket === '503')
    .map(([bucket, count]) => `${bucket}=${count}`)
    .join(' ');

/** One line per crash cycle and a closing line, printed to stdout and kept in a file under the OS temp dir. */
export class CrashReport {
  readonly path = join(tmpdir(), `subledger-ledger-crash-${Date.now()}.log`);

  constructor() {
    writeFileSync(this.path, '');
  }

  cycle(fields: {
    cycle: number;
    cycles: number;
    killedInFlight: readonly SendRecord[];
    downMs: number;
    records: readonly SendRecord[];
  }): void {
    const { cycle, cycles, killedInFlight, downMs, records } = fields;
    this.line(
      `cycle ${cycle}/${cycles}: SIGKILL with ${killedInFlight.length} charges in flight (their first answers: ${show(tally(killedInFlight.map((record) => record.first)))}); ` +
        `ledger serving again after ${(downMs / 1000).toFixed(1)} s; requests so far ${records.length}, first answers: ${show(tally(records.map((record) => record.first)))}`,
    );
  }

  closing(
    records: readonly SendRecord[],
    retried: readonly SendRecord[],
    histories: ReadonlyMap<string, ChargeHistory>,
  ): void {
    const settled = retried.filter((record) => isDefinitive(record.final));
    this.line(
      `after ${records.length} requests: first answers ${show(tally(records.map((record) => record.first)))}; ` +
        `retried with the same key ${retried.length} (${retried.reduce((sum, record) => sum + record.attempts - 1, 0)} retries), of which ${settled.length} settled: ${show(tally(retried.map((record) => record.final)))}, ` +
        `${retried.filter((record) => decidedBeforeRetry(record, histories)).length} of them already decided by their first attempt; ` +
        `final answers ${show(tally(records.map((record) => record.final)))}`,
    );
  }

  line(text: string): void {
    const line = `[ledger crash] ${text}\n`;
    appendFileSync(this.path, line);
    process.stdout.write(line);
  }
}
