import { LEDGER_EVENT_SCHEMA_VERSION, type LedgerEvent, type LedgerOutcome } from '@subledger/contracts';
import type { SqlEventStore } from '@subledger/event-store';
import { commandDigest } from '../commands/command-identity';
import { insertProcessedCommands } from '../commands/processed-commands';
import { applyLedgerMigrations } from '../store/ledger-migrations';
import { ledgerTables } from '../store/ledger-tables';
import { combinedWrite } from '../store/rows-write';
import { outcomeOf } from '../testing/expect-reply';
import { charge, openTeam, refund, topUp } from '../testing/ledger-commands.fixtures';
import { type LedgerDatabase, ledgerDatabases } from '../testing/ledger-databases';
import { streamOf } from '../testing/ledger-rows';
import { type LedgerTestApp, startLedger } from '../testing/ledger-test-app';
import { teamEventId } from './team-event-ids';
import { teamEventData } from './team-stream';

const v = LEDGER_EVENT_SCHEMA_VERSION;
const history: [LedgerEvent, bigint][] = [
  [{ type: 'TeamOpened', schemaVersion: v, teamId: 'old', currency: 'usd', at: 0 }, 0n],
  [{ type: 'TopUpRecorded', schemaVersion: v, topUpId: 'up', amount: 1_000n, at: 0 }, 1_000n],
  [{ type: 'ChargeAccepted', schemaVersion: v, chargeId: 'c1', accountId: 'acc', amount: 10n, at: 0 }, 990n],
];
const charged: LedgerOutcome = {
  type: 'charge_accepted',
  chargeId: 'c1',
  accountId: 'acc',
  amount: 10n,
  balance: 990n,
  totalSpent: 10n,
  replayed: false,
};

/**
 * A team written before event ids came from command ids: each event's id was derived from its
 * version (as a spend policy's still is), and every command's answer has its processed row.
 */
async function writeOldTeam(store: SqlEventStore): Promise<void> {
  const events = history.map(([event, balance], version) => ({
    ...teamEventData('team-old', BigInt(version), event, { balance }),
    id: teamEventId(
      'team-old',
      { type: 'SpendPolicySet', schemaVersion: v, accountId: '', creditLimit: null, status: 'active', at: 0 },
      BigInt(version),
    ),
  }));
  await store.append('team-old', events, { expectedVersion: 'no_stream' });
  const rows = [
    {
      identity: { teamId: 'old', commandId: 'c1', digest: commandDigest(charge('old', 'acc', 'c1', 10n)) },
      outcome: charged,
    },
    {
      identity: { teamId: 'old', commandId: 'up', digest: commandDigest(topUp('old', 'up', 1_000n)) },
      outcome: { type: 'top_up_recorded', topUpId: 'up', amount: 1_000n, balance: 1_000n, replayed: false },
    },
  ] as const;
  await store.sql.query(...combinedWrite([insertProcessedCommands(ledgerTables(store.quotedSchema), rows, 0)]));
}

describe.each(ledgerDatabases)('a team whose events have version-derived ids, on %s', (_name, openDatabase) => {
  let database: LedgerDatabase;
  let store: SqlEventStore;
  let ledger: LedgerTestApp;

  beforeAll(async () => {
    database = await openDatabase();
    store = await database.openStore();
    await applyLedgerMigrations(store);
    await writeOldTeam(store);
    ledger = await startLedger(store, { teamMemory: { recentCharges: 0, refusedIds: 2 } });
  });

  afterAll(async () => {
    await ledger.close();
    await store.close();
    await database.dispose();
  });

  it('keeps every record of it, answers its old commands as stored, and refunds its old charges', async () => {
    expect(await ledger.send(charge('old', 'acc', 'c1', 10n))).toEqual({ ok: true, value: charged });
    expect(outcomeOf(await ledger.send(openTeam('old')))).toEqual({
      type: 'team_opened',
      teamId: 'old',
      currency: 'usd',
      replayed: true,
    });
    expect(outcomeOf(await ledger.send(charge('old', 'acc', 'c2', 5n)))).toMatchObject({
      type: 'charge_accepted',
      balance: 985n,
    });
    expect(outcomeOf(await ledger.send(refund('old', 'c1')))).toMatchObject({
      type: 'charge_refunded',
      amount: 10n,
      balance: 995n,
      replayed: false,
    });
    expect(outcomeOf(await ledger.send(charge('old', 'acc', 'c1', 11n)))).toEqual({
      type: 'refused',
      refusal: { reason: 'charge_id_reused', chargeId: 'c1' },
    });
    expect((await streamOf(store, 'old')).map((event) => event.type)).toEqual([
      'TeamOpened',
      'TopUpRecorded',
      'ChargeAccepted',
      'ChargeAccepted',
      'ChargeRefunded',
    ]);
  });
});
