import { Topics } from '@subledger/contracts';
import type { LedgerCommand } from '@subledger/contracts';
import { type Envelope, partitionForKey } from '@subledger/messaging';

export interface Workload {
  readonly name: string;
  /** Opening and funding every team, not timed: one partition's batches. */
  readonly setup: Envelope<unknown>[][];
  /** The charges, per partition of the commands topic, in batches as a consumer would take them. */
  readonly partitions: Envelope<unknown>[][][];
  readonly charges: number;
}

const AT = Date.UTC(2026, 0, 1);
const FUNDS = 10n ** 15n;

/**
 * `charges` charges of 1,000 to 10,999 micros over `teams` teams (three accounts each, one of them
 * capped so that the limit check runs), in the same pseudo-random order every run, routed to
 * `partitions` partitions by team as the bus routes them.
 */
export function chargeWorkload(
  name: string,
  teams: number,
  charges: number,
  batchSize: number,
  partitions = 1,
): Workload {
  const teamIds = Array.from({ length: teams }, (_, i) => `bench-team-${i}`);
  const setup: LedgerCommand[] = teamIds.flatMap((teamId) => [
    { type: 'OpenTeam', teamId, currency: 'usd', at: AT },
    { type: 'TopUp', teamId, topUpId: 'funds', amount: FUNDS, at: AT },
    { type: 'SetSpendPolicy', teamId, accountId: 'capped', creditLimit: FUNDS / 2n, status: 'active', at: AT },
  ]);
  let seed = 42;
  const next = () => (seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0);
  const routed: LedgerCommand[][] = Array.from({ length: partitions }, () => []);
  for (let i = 0; i < charges; i++) {
    const teamId = teamIds[next() % teams];
    const accountId = ['main', 'sub', 'capped'][next() % 3];
    const command: LedgerCommand = {
      type: 'ChargeMessage',
      teamId,
      chargeId: `charge-${i}`,
      accountId,
      amount: BigInt(1_000 + (next() % 10_000)),
      at: AT + i,
    };
    routed[partitionForKey(teamId, partitions)].push(command);
  }
  return {
    name,
    setup: batches(setup, batchSize, 0),
    partitions: routed.map((commands, p) => batches(commands, batchSize, p)),
    charges,
  };
}

function batches(commands: readonly LedgerCommand[], size: number, partition: number): Envelope<unknown>[][] {
  const result: Envelope<unknown>[][] = [];
  for (let start = 0; start < commands.length; start += size) {
    result.push(
      commands.slice(start, start + size).map((command, i) => ({
        topic: Topics.ledgerCommands,
        partition,
        offset: start + i,
        key: command.teamId,
        value: command,
        headers: {},
      })),
    );
  }
  return result;
}
