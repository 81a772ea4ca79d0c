import { randomBytes, randomUUID } from 'node:crypto';
import { type DistributedStack, startDistributedStack } from '@subledger/test-harness';
import { readLedgerSnapshot } from '../audit/ledger-snapshot';
import { callGateway, expectAnswer } from '../load/crash-http';
import { CrashLoad, sendBodyOf } from '../load/crash-load';
import { type CrashTeam, createCrashTeams } from '../load/crash-teams';
import { retryUndecided } from '../load/retry-undecided';
import { newSendRecord, outcomeOf, type SendOutcome, type SendRecord } from '../load/send-record';
import { commandPartitionOf, LedgerGroupProbe, type Ownership, ownedExactlyBy, ownerOf } from './ledger-group';
import { everyTeamHas, rebalanceFindings } from './rebalance-checks';

// Two ledger replicas share the partitions of ledger.commands. One of them leaves, gracefully
// (SIGTERM) and then abruptly (SIGKILL), while every team is charged without pause; the other takes
// its partitions over, and the one that left comes back and takes its share again. Each phase ends
// with the same audit of the ledger's own schema against every answer of the run: every request
// decided exactly once, no cap nor balance ever crossed, the projections equal to a replay.

const TEAMS = 24;
const SENDERS = 6;
const TOP_UP_CENTS = 100_000;
// An SMS to +1 costs 0.79 cents (two segments 1.58): the cap lets a sub-account through a dozen times or so.
const CREDIT_LIMIT_CENTS = 10;
const CLIENT_TIMEOUT_MS = 20_000;
const PHASE_TIMEOUT_MS = 420_000;
const [LEDGER_0, LEDGER_1] = ['ledger-0', 'ledger-1'];

let stack: DistributedStack;
let probe: LedgerGroupProbe;
let partitions: number;
let gateway: string;
let teams: CrashTeam[];
let load: CrashLoad;
/** Requests sent one per team outside the load, audited with it. */
const extra: SendRecord[] = [];
const runId = randomBytes(4).toString('hex');

beforeAll(async () => {
  stack = await startDistributedStack({
    ledgers: 2,
    env: { KAFKA_SESSION_TIMEOUT_MS: '6000' },
    serviceEnv: { gateway: { RATE_LIMIT_PER_MINUTE: '1000000' } },
  });
  probe = new LedgerGroupProbe(stack.topicPrefix, (process.env.KAFKA_BROKERS as string).split(','));
  await probe.connect();
  partitions = await probe.partitionCount();
  [gateway] = stack.gatewayUrls();
  const plans = Array.from({ length: TEAMS }, (_, i) => ({
    name: `Rebalance ${i}`,
    topUpCents: TOP_UP_CENTS,
    subAccountLimitsCents: [CREDIT_LIMIT_CENTS],
  }));
  teams = await createCrashTeams(gateway, stack.adminToken, plans);
  load = new CrashLoad({
    gatewayUrls: () => [gateway],
    accounts: teams.flatMap((team) => team.accounts),
    senders: SENDERS,
    clientTimeoutMs: CLIENT_TIMEOUT_MS,
    runId,
  });
}, 420_000);

afterAll(async () => {
  try {
    // A sender that failed fails the stop; the probe and the processes are stopped all the same.
    await load?.stop();
  } finally {
    await probe?.disconnect();
    await stack?.stop();
  }
}, 60_000);

async function waitUntil(what: string, condition: () => boolean, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline)
      throw new Error(`${what}: not reached in ${timeoutMs} ms (${load.records.length} requests so far)`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const refusedFor = (code: string) => (_record: SendRecord, first: SendOutcome) =>
  first.type === 'refused' && first.code === code;
const everyTeamHasSince = (since: number, matches: (record: SendRecord, first: SendOutcome) => boolean, count = 1) =>
  everyTeamHas(load.records, teams, since, matches, count);

function teamsOwnedBy(owners: Ownership, client: string): CrashTeam[] {
  return teams.filter((team) => ownerOf(owners, commandPartitionOf(team.teamId, partitions)) === client);
}

/**
 * The load goes on while ledger-1 leaves with `signal`, until ledger-0 owns every partition and
 * has answered every team since, and until `also` holds; then it stops.
 */
async function ledger1LeavesUnderLoad(
  signal: NodeJS.Signals,
  also?: { what: string; holds: () => boolean },
): Promise<void> {
  await stack.stopLedger(1, signal);
  await probe.waitFor(`${LEDGER_0} owning every partition`, ownedExactlyBy([LEDGER_0], partitions));
  const takenOver = Date.now();
  await waitUntil('a 202 or 402 for every team since the takeover', () =>
    everyTeamHasSince(takenOver, (_record, first) => first.type === 'accepted' || first.type === 'refused'),
  );
  if (also !== undefined) await waitUntil(also.what, also.holds);
  await load.stop();
}

/** Retries every request without a 202 or 402 with its own key, then audits the ledger's schema against every answer. */
async function expectEveryChargeOnceAndTheLedgerConsistent(): Promise<void> {
  const records = [...load.records, ...extra];
  await retryUndecided(records, {
    gatewayUrl: () => gateway,
    clientTimeoutMs: CLIENT_TIMEOUT_MS,
    concurrency: 4,
    deadline: Date.now() + 120_000,
  });
  const snapshot = await readLedgerSnapshot(process.env.DATABASE_URL as string, stack.schemas.ledger);
  expect(rebalanceFindings(records, snapshot, teams)).toEqual([]);
}

/** ledger-1 starts again and takes a share of the partitions, with teams on it, back from ledger-0. */
async function ledger1Returns(): Promise<void> {
  await stack.startLedger(1);
  const owners = await probe.waitFor(
    `${LEDGER_0} and ${LEDGER_1} sharing the partitions`,
    ownedExactlyBy([LEDGER_0, LEDGER_1], partitions),
  );
  expect(teamsOwnedBy(owners, LEDGER_1).length).toBeGreaterThan(0);
}

/** A charge of every team's main account (no cap) is accepted, whichever replica owns the team. */
async function expectEveryTeamCharged(): Promise<void> {
  const records = await Promise.all(
    teams.map(async (team, i) => {
      const account = team.accounts.find((candidate) => !candidate.isSubAccount) as CrashTeam['accounts'][number];
      const record = newSendRecord({
        seq: extra.length + i,
        account,
        idempotencyKey: `rebalance-${runId}-${randomUUID()}`,
        body: sendBodyOf(i + 1),
        cycle: 0,
      });
      const request = {
        method: 'POST' as const,
        path: '/v1/messages',
        body: record.body,
        headers: { 'Idempotency-Key': record.idempotencyKey },
        timeoutMs: CLIENT_TIMEOUT_MS,
      };
      record.attempts = 1;
      record.first = record.final = outcomeOf(await callGateway(gateway, account.key, request));
      return record;
    }),
  );
  extra.push(...records);
  await retryUndecided(records, {
    gatewayUrl: () => gateway,
    clientTimeoutMs: CLIENT_TIMEOUT_MS,
    concurrency: 4,
    deadline: Date.now() + 120_000,
  });
  expect(
    records
      .filter((record) => record.final?.type !== 'accepted')
      .map((record) => `${record.account.label}: ${JSON.stringify(record.final)}`),
  ).toEqual([]);
}

it('spreads the teams over both ledger replicas', async () => {
  const owners = await probe.waitFor(
    `${LEDGER_0} and ${LEDGER_1} sharing the partitions`,
    ownedExactlyBy([LEDGER_0, LEDGER_1], partitions),
  );
  expect(teamsOwnedBy(owners, LEDGER_0).length).toBeGreaterThan(0);
  expect(teamsOwnedBy(owners, LEDGER_1).length).toBeGreaterThan(0);
});

it(
  'applies every charge exactly once when a replica leaves gracefully (SIGTERM), the other taking all its partitions',
  async () => {
    const started = Date.now();
    const subAccepted = (record: SendRecord, first: SendOutcome) =>
      record.account.isSubAccount && first.type === 'accepted';
    load.start();
    // Every sub-account half way to its cap while both replicas decide; the cap is reached after the takeover.
    await waitUntil('every sub-account half way to its cap', () => everyTeamHasSince(started, subAccepted, 6));
    await ledger1LeavesUnderLoad('SIGTERM', {
      what: 'every sub-account refused at its cap',
      holds: () => everyTeamHasSince(started, refusedFor('credit_limit_exceeded')),
    });
    await expectEveryChargeOnceAndTheLedgerConsistent();
  },
  PHASE_TIMEOUT_MS,
);

it(
  'takes partitions back when the replica returns, and charges every team',
  async () => {
    await ledger1Returns();
    await expectEveryTeamCharged();
    await expectEveryChargeOnceAndTheLedgerConsistent();
  },
  PHASE_TIMEOUT_MS,
);

it(
  'applies every charge exactly once when a replica is killed (SIGKILL), the survivor fenced from the old states it still holds',
  async () => {
    // ledger-0 decided for every team while it was alone, and still holds the states it had then of
    // ledger-1's teams. Each team is drained to a few cents, so ledger-1 refuses its teams' charges
    // for want of a balance that ledger-0's old states still show.
    for (const team of teams) {
      const { balance } = expectAnswer<{ balance: number }>(
        await callGateway(gateway, team.mainKey, { method: 'GET', path: '/v1/balance', timeoutMs: CLIENT_TIMEOUT_MS }),
        200,
        'a balance',
      );
      const drain = { amount: -(balance - 4), reason: 'drained for the rebalancing test' };
      const request = {
        method: 'POST' as const,
        path: `/admin/v1/teams/${team.teamId}/adjustments`,
        body: drain,
        headers: { 'Idempotency-Key': randomUUID() },
        timeoutMs: CLIENT_TIMEOUT_MS,
      };
      expectAnswer(await callGateway(gateway, stack.adminToken, request), 201, `draining ${team.plan.name}`);
    }
    const drained = Date.now();
    load.start();
    await waitUntil('every team out of balance', () => everyTeamHasSince(drained, refusedFor('insufficient_balance')));
    await ledger1LeavesUnderLoad('SIGKILL');
    await expectEveryChargeOnceAndTheLedgerConsistent();
  },
  PHASE_TIMEOUT_MS,
);

it(
  'takes partitions back when the killed replica returns, and charges every team once topped up',
  async () => {
    await ledger1Returns();
    for (const team of teams) {
      const request = {
        method: 'POST' as const,
        path: `/admin/v1/teams/${team.teamId}/top-ups`,
        body: { amount: 100 },
        headers: { 'Idempotency-Key': randomUUID() },
        timeoutMs: CLIENT_TIMEOUT_MS,
      };
      expectAnswer(await callGateway(gateway, stack.adminToken, request), 201, `topping up ${team.plan.name}`);
    }
    await expectEveryTeamCharged();
    await expectEveryChargeOnceAndTheLedgerConsistent();
  },
  PHASE_TIMEOUT_MS,
);
