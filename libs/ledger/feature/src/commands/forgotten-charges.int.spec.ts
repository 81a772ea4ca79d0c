import { Logger } from '@nestjs/common';
import type { SqlEventStore } from '@subledger/event-store';
import { outcomeOf } from '../testing/expect-reply';
import { charge, openTeam, refund, setPolicy, topUp } from '../testing/ledger-commands.fixtures';
import { type LedgerDatabase, ledgerDatabases } from '../testing/ledger-databases';
import { processedCount, projectedTeams, replayedTeams, streamOf } from '../testing/ledger-rows';
import { batchOf, type LedgerTestApp, startLedger } from '../testing/ledger-test-app';

// The writer keeps two recent charges per team here, so a charge three charges back is gone from
// memory and only the store knows it.
const teamMemory = { recentCharges: 2, refusedIds: 2 };

describe.each(ledgerDatabases)('charges the writer no longer remembers, on %s', (_name, openDatabase) => {
  let database: LedgerDatabase;
  let store: SqlEventStore;
  let ledger: LedgerTestApp;

  beforeAll(async () => {
    database = await openDatabase();
    store = await database.openStore();
    ledger = await startLedger(store, { teamMemory });
  });

  afterAll(async () => {
    await ledger.close();
    await store.close();
    await database.dispose();
  });

  /** A funded team, `chargeId` charged first, then three more charges that push it out of memory. */
  const teamWithOldCharge = async (teamId: string, chargeId: string, amount = 100n) => {
    for (const command of [openTeam(teamId), topUp(teamId, 'up', 1_000n), setPolicy(teamId, 'capped', 500n)])
      outcomeOf(await ledger.send(command));
    const first = await ledger.send(charge(teamId, 'acc', chargeId, amount));
    for (const i of [1, 2, 3]) outcomeOf(await ledger.send(charge(teamId, 'acc', `${chargeId}-later-${i}`, 1n)));
    return first;
  };
  const charges = async (teamId: string) =>
    (await streamOf(store, teamId))
      .filter((event) => event.type.startsWith('Charge'))
      .map((event) => [event.type, event.data['chargeId']]);

  it('refunds an old charge once, looked up in the store, and answers a second refund with the first', async () => {
    await teamWithOldCharge('r', 'old');
    const refunded = outcomeOf(await ledger.send(refund('r', 'old')));
    expect(refunded).toEqual({
      type: 'charge_refunded',
      chargeId: 'old',
      accountId: 'acc',
      amount: 100n,
      balance: 997n,
      totalSpent: 3n,
      replayed: false,
    });
    for (const i of [4, 5, 6]) outcomeOf(await ledger.send(charge('r', 'acc', `more-${i}`, 1n)));
    expect(await ledger.send(refund('r', 'old'))).toEqual({ ok: true, value: refunded });
    expect(outcomeOf(await ledger.send(refund('r', 'old', 'asked again')))).toMatchObject({
      type: 'charge_refunded',
      amount: 100n,
      replayed: true,
    });
    expect((await charges('r')).filter(([type]) => type === 'ChargeRefunded')).toEqual([['ChargeRefunded', 'old']]);
    expect(await projectedTeams(store)).toEqual(await replayedTeams(store));
  });

  it('answers an old charge sent again with its first answer, found in the store, and records it once', async () => {
    const log = jest.spyOn(Logger.prototype, 'log');
    const first = await teamWithOldCharge('d', 'old');
    expect(await ledger.send(charge('d', 'acc', 'old', 100n))).toEqual(first);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('deciding the batch again from the store'));
    expect((await charges('d')).filter(([, chargeId]) => chargeId === 'old')).toEqual([['ChargeAccepted', 'old']]);
    log.mockRestore();
  });

  it('refuses an old charge id reused with other fields, and an old refused charge is not refundable', async () => {
    await teamWithOldCharge('u', 'old');
    expect(outcomeOf(await ledger.send(charge('u', 'acc', 'old', 5n)))).toEqual({
      type: 'refused',
      refusal: { reason: 'charge_id_reused', chargeId: 'old' },
    });
    outcomeOf(await ledger.send(charge('u', 'capped', 'too-much', 501n)));
    for (const i of [1, 2, 3]) outcomeOf(await ledger.send(charge('u', 'acc', `push-${i}`, 1n)));
    expect(outcomeOf(await ledger.send(refund('u', 'too-much')))).toEqual({
      type: 'refused',
      refusal: { reason: 'charge_not_refundable', chargeId: 'too-much', refusedFor: 'credit_limit_exceeded' },
    });
    expect((await charges('u')).filter(([, chargeId]) => chargeId === 'old')).toEqual([['ChargeAccepted', 'old']]);
  });

  it('decides a batch again, carefully, when it held an old charge: new charges once, the old one answered as before', async () => {
    const first = await teamWithOldCharge('b', 'old', 50n);
    const replies = (
      await ledger.commands.handle(
        batchOf([charge('b', 'acc', 'new-1', 10n), charge('b', 'acc', 'old', 50n), charge('b', 'acc', 'new-2', 10n)]),
      )
    ).map(outcomeOf);
    expect(replies).toEqual([
      expect.objectContaining({
        type: 'charge_accepted',
        chargeId: 'new-1',
        balance: 1_000n - 53n - 10n,
        replayed: false,
      }),
      outcomeOf(first),
      expect.objectContaining({
        type: 'charge_accepted',
        chargeId: 'new-2',
        balance: 1_000n - 53n - 20n,
        replayed: false,
      }),
    ]);
    expect((await charges('b')).map(([, chargeId]) => chargeId)).toEqual([
      'old',
      'old-later-1',
      'old-later-2',
      'old-later-3',
      'new-1',
      'new-2',
    ]);
    expect(await projectedTeams(store)).toEqual(await replayedTeams(store));
  });

  it('answers a refusal without an event as stored, even past the ids it keeps and after a restart', async () => {
    const early = ['e-1', 'e-2', 'e-3'].map((chargeId) => charge('late', 'acc', chargeId, 5n));
    const firsts = await Promise.all(early.map((command) => ledger.send(command)));
    for (const first of firsts)
      expect(outcomeOf(first)).toEqual({ type: 'refused', refusal: { reason: 'team_not_found', teamId: 'late' } });
    outcomeOf(await ledger.send(openTeam('late')));
    outcomeOf(await ledger.send(topUp('late', 'up', 100n)));
    const rowsBefore = await processedCount(store);
    for (const [i, command] of early.entries()) expect(await ledger.send(command)).toEqual(firsts[i]);
    const restarted = await startLedger(store, { teamMemory });
    try {
      for (const [i, command] of early.entries()) expect(await restarted.send(command)).toEqual(firsts[i]);
    } finally {
      await restarted.close();
    }
    expect(await processedCount(store)).toBe(rowsBefore);
    expect(await charges('late')).toEqual([]);
  });
});
