import { randomBytes } from 'node:crypto';
import { type DistributedStack, startDistributedStack } from '@subledger/test-harness';
import { type ApiReadings, readThroughApi } from '../audit/api-readings';
import { type ChargeHistory, chargeHistories } from '../audit/charge-decisions';
import { limitsHeld, projectionsMatchReplay } from '../audit/ledger-checks';
import { type LedgerSnapshot, readLedgerSnapshot } from '../audit/ledger-snapshot';
import {
  acceptedChargesRecordedOnce,
  nothingUnaccountedFor,
  refusalsChangedNothing,
  retriedRequestsAppliedOnce,
} from '../audit/request-checks';
import { CrashLoad } from '../load/crash-load';
import { type CrashTeam, createCrashTeams, type TeamPlan } from '../load/crash-teams';
import { retryUndecided } from '../load/retry-undecided';
import type { SendRecord } from '../load/send-record';
import { CrashReport } from './crash-report';

const CYCLES = Number(process.env.CRASH_CYCLES ?? 20);
const SENDERS = 8;
const REQUEST_TIMEOUT_MS = 3_000;
const CLIENT_TIMEOUT_MS = 20_000;
const SERVING_TIMEOUT_MS = 120_000;
const RUN_TIMEOUT_MS = 10 * 60_000;

// Caps small enough that some sub-accounts reach theirs during the run, and a team whose balance
// runs out, so that both refusals are decided (and recorded) while the ledger keeps dying.
const TEAMS: readonly TeamPlan[] = [
  { name: 'Deep', topUpCents: 100_000, subAccountLimitsCents: [10, 40, null] },
  { name: 'Mid', topUpCents: 20_000, subAccountLimitsCents: [25, 60] },
  { name: 'Capped', topUpCents: 20_000, subAccountLimitsCents: [3, 15, 80] },
  { name: 'Thin', topUpCents: 15, subAccountLimitsCents: [null, 10] },
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const between = (low: number, high: number) => low + Math.floor(Math.random() * (high - low));

async function waitUntil(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(50);
  }
}

/**
 * The ledger process is SIGKILLed while charges are in flight, again and again, under concurrent
 * senders, and restarted while they keep sending; then every request without a definitive answer
 * is retried with its own key, and the money is audited: the client's answers, the ledger's events
 * and its projections must tell one story, with no cap crossed and no balance below zero.
 */
describe(`ledger crash: SIGKILL mid-batch, ${CYCLES} cycles (distributed)`, () => {
  let stack: DistributedStack;
  let teams: CrashTeam[];
  let records: SendRecord[];
  let retried: SendRecord[];
  let killedInFlight: number[];
  let snapshot: LedgerSnapshot;
  let histories: ReadonlyMap<string, ChargeHistory>;
  let api: ApiReadings;

  beforeAll(async () => {
    stack = await startDistributedStack({
      env: { KAFKA_SESSION_TIMEOUT_MS: '6000' },
      serviceEnv: { gateway: { REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS), RATE_LIMIT_PER_MINUTE: '1000000' } },
    });
    try {
      await crashRun();
    } catch (error) {
      throw new Error(`${error instanceof Error ? error.message : String(error)}\n${stack.output().slice(-20_000)}`);
    }
  }, RUN_TIMEOUT_MS);

  afterAll(() => stack?.stop());

  async function crashRun(): Promise<void> {
    const [baseUrl] = stack.gatewayUrls();
    teams = await createCrashTeams(baseUrl, stack.adminToken, TEAMS);
    const report = new CrashReport();
    const load = new CrashLoad({
      gatewayUrls: () => [baseUrl],
      accounts: teams.flatMap((team) => team.accounts),
      senders: SENDERS,
      clientTimeoutMs: CLIENT_TIMEOUT_MS,
      runId: randomBytes(4).toString('hex'),
    });
    killedInFlight = [];
    load.start();
    try {
      for (let cycle = 1; cycle <= CYCLES; cycle++) {
        // Charges flow for a while, then the ledger dies with some of them on their way.
        await sleep(between(1_000, 3_000));
        await waitUntil(() => load.inFlight().length > 0, 10_000, 'a charge is in flight');
        const inFlight = load.inFlight();
        await stack.stopLedger(0, 'SIGKILL');
        const killedAt = Date.now();
        load.cycle = cycle;
        killedInFlight.push(inFlight.length);
        // The senders keep sending into the dead ledger, and through its restart.
        await sleep(between(0, 2_000));
        const restarted = await stack.startLedger(0);
        const listeningAt = Date.now();
        await waitUntil(
          () => load.answeredSince(listeningAt),
          SERVING_TIMEOUT_MS,
          `the restarted ledger (pid ${restarted.process.child.pid}) answers charges`,
        );
        report.cycle({
          cycle,
          cycles: CYCLES,
          killedInFlight: inFlight,
          downMs: Date.now() - killedAt,
          records: load.records,
        });
      }
      await sleep(1_000);
    } finally {
      await load.stop();
    }
    records = load.records;
    retried = await retryUndecided(records, {
      gatewayUrl: () => baseUrl,
      clientTimeoutMs: CLIENT_TIMEOUT_MS,
      concurrency: 4,
      deadline: Date.now() + 120_000,
    });
    snapshot = await readLedgerSnapshot(requiredEnv('DATABASE_URL'), stack.schemas.ledger);
    histories = chargeHistories(snapshot);
    report.closing(records, retried, histories);
    report.line(`summary kept in ${report.path}`);
    api = await readThroughApi(baseUrl, teams);
  }

  it('killed the ledger with charges in flight every cycle, and saw both refusals and retries', () => {
    const finalCodes = new Set(
      records.map((record) => (record.final?.type === 'refused' ? record.final.code : record.final?.type)),
    );
    expect({
      cycles: killedInFlight.length,
      everyKillMidFlight: killedInFlight.every((count) => count > 0),
      retried: retried.length > 0,
      accepted: finalCodes.has('accepted'),
      creditLimitRefusals: finalCodes.has('credit_limit_exceeded'),
      balanceRefusals: finalCodes.has('insufficient_balance'),
    }).toEqual({
      cycles: CYCLES,
      everyKillMidFlight: true,
      retried: true,
      accepted: true,
      creditLimitRefusals: true,
      balanceRefusals: true,
    });
  });

  it('answered every request with 202, 402, 503 upstream_timeout or a cut connection, nothing else', () => {
    const unexpected = records
      .filter((record) => record.first?.type === 'unexpected')
      .map((record) => ({ key: record.idempotencyKey, first: record.first }));
    expect(unexpected).toEqual([]);
  });

  it('1. records every 202 charge in the event store exactly once', () => {
    expect(acceptedChargesRecordedOnce(records, histories)).toEqual([]);
  });

  it('2. lets no 402 change anything: its charge has only its ChargeRefused', () => {
    expect(refusalsChangedNothing(records, histories)).toEqual([]);
  });

  it('3. applies every timed-out request exactly once (or refuses it) once retried with its key', () => {
    expect(retriedRequestsAppliedOnce(records, histories)).toEqual([]);
  });

  it('4. holds no charge, refund or credit that no client request accounts for', () => {
    expect(nothingUnaccountedFor(records, histories, snapshot.events, teams)).toEqual([]);
  });

  it('5. crosses no credit limit and takes no balance below zero (projections, history and API)', () => {
    expect(limitsHeld(snapshot, api)).toEqual([]);
  });

  it('6. keeps projections equal to a replay of the events', () => {
    expect(projectionsMatchReplay(snapshot, teams)).toEqual([]);
  });
});

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run with jest.distributed.config.js`);
  return value;
}
