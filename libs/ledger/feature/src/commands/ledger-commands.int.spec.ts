import { Topics } from '@subledger/contracts';
import type { SqlEventStore } from '@subledger/event-store';
import { type LedgerDatabase, ledgerDatabases } from '../testing/ledger-databases';
import { charge, openTeam, refund, setPolicy, topUp } from '../testing/ledger-commands.fixtures';
import { batchOf, startLedger, type LedgerTestApp } from '../testing/ledger-test-app';
import { outcomeOf } from '../testing/expect-reply';
import { streamOf } from '../testing/ledger-rows';

describe.each(ledgerDatabases)('ledger commands on %s', (_name, openDatabase) => {
  let database: LedgerDatabase;
  let store: SqlEventStore;
  let ledger: LedgerTestApp;

  beforeAll(async () => {
    database = await openDatabase();
    store = await database.openStore();
    // Small batches, so concurrent commands of one team spread over many batches.
    ledger = await startLedger(store, {}, { maxBatch: 16 });
  });

  afterAll(async () => {
    await ledger.close();
    await store.close();
    await database.dispose();
  });

  it('opens a team, tops it up and charges it, answering each with its outcome', async () => {
    expect(outcomeOf(await ledger.send(openTeam('t1')))).toEqual({
      type: 'team_opened',
      teamId: 't1',
      currency: 'usd',
      replayed: false,
    });
    expect(outcomeOf(await ledger.send(topUp('t1', 'up-1', 1_000_000n)))).toEqual({
      type: 'top_up_recorded',
      topUpId: 'up-1',
      amount: 1_000_000n,
      balance: 1_000_000n,
      replayed: false,
    });
    expect(outcomeOf(await ledger.send(charge('t1', 'acc-1', 'ch-1', 250_000n)))).toEqual({
      type: 'charge_accepted',
      chargeId: 'ch-1',
      accountId: 'acc-1',
      amount: 250_000n,
      balance: 750_000n,
      totalSpent: 250_000n,
      replayed: false,
    });
  });

  it('refuses charges in order of precedence, recording each refusal and moving no money', async () => {
    await ledger.send(openTeam('t2'));
    await ledger.send(topUp('t2', 'up-1', 100n));
    await ledger.send(setPolicy('t2', 'capped', 60n));
    await ledger.send(setPolicy('t2', 'paused', null, 'inactive'));
    const refusalOf = async (accountId: string, chargeId: string, amount: bigint) => {
      const outcome = outcomeOf(await ledger.send(charge('t2', accountId, chargeId, amount)));
      return outcome.type === 'charge_refused' ? outcome.reason : outcome.type;
    };
    expect(await refusalOf('paused', 'c1', 1n)).toBe('account_inactive');
    expect(await refusalOf('capped', 'c2', 61n)).toBe('credit_limit_exceeded');
    expect(await refusalOf('free', 'c3', 101n)).toBe('insufficient_balance');
    expect(await refusalOf('capped', 'c4', 60n)).toBe('charge_accepted');
    expect(await refusalOf('capped', 'c5', 1n)).toBe('credit_limit_exceeded');
    const events = await streamOf(store, 't2');
    expect(events.map((event) => event.type)).toEqual([
      'TeamOpened',
      'TopUpRecorded',
      'SpendPolicySet',
      'SpendPolicySet',
      'ChargeRefused',
      'ChargeRefused',
      'ChargeRefused',
      'ChargeAccepted',
      'ChargeRefused',
    ]);
    const balance = await ledger.query({ type: 'GetBalance', teamId: 't2', accountIds: ['capped'] });
    expect(balance).toEqual({
      ok: true,
      value: {
        teamId: 't2',
        currency: 'usd',
        balance: 40n,
        accounts: [{ accountId: 'capped', totalSpent: 60n, creditLimit: 60n, status: 'active' }],
      },
    });
  });

  it('answers commands the domain will not act on, and a charge to an unknown team, with a refusal outcome', async () => {
    expect(outcomeOf(await ledger.send(charge('nobody', 'a', 'c1', 5n)))).toEqual({
      type: 'refused',
      refusal: { reason: 'team_not_found', teamId: 'nobody' },
    });
    await ledger.send(openTeam('t3'));
    expect(outcomeOf(await ledger.send(refund('t3', 'never-charged')))).toEqual({
      type: 'refused',
      refusal: { reason: 'charge_not_found', chargeId: 'never-charged' },
    });
    expect(await store.readStream('team-nobody')).toEqual([]);
  });

  it('refuses a payload that is not a command, and a command keyed by another team, without deciding it', async () => {
    const notACommand = await ledger.bus.request(
      Topics.ledgerCommands,
      't1',
      { type: 'ChargeMessage', teamId: 't1' },
      { timeoutMs: 5_000 },
    );
    expect(notACommand).toEqual({
      ok: false,
      refusal: { type: 'invalid_command', field: 'chargeId', message: expect.any(String) },
    });
    const misrouted = await ledger.bus.request(Topics.ledgerCommands, 't2', charge('t1', 'a', 'x', 1n), {
      timeoutMs: 5_000,
    });
    expect(misrouted).toEqual({
      ok: false,
      refusal: { type: 'invalid_command', field: 'teamId', message: expect.stringContaining('keyed') },
    });
    expect((await store.readStream('team-t1')).some((event) => event.data['chargeId'] === 'x')).toBe(false);
  });

  it('decides the batches of partitions that arrive together in one transaction, answering each batch its own', async () => {
    const teams = ['g1', 'g2', 'g3'];
    for (const team of teams) {
      await ledger.send(openTeam(team));
      await ledger.send(topUp(team, 'up', 1_000n));
    }
    const transactions = jest.spyOn(store, 'sentTransaction');
    const batches = teams.map((team, partition) =>
      batchOf([charge(team, 'acc', `${team}-c1`, 100n), charge(team, 'acc', `${team}-c2`, 200n)], 100, partition),
    );
    const replies = await Promise.all(batches.map((batch) => ledger.commands.handle(batch)));
    expect(transactions).toHaveBeenCalledTimes(1);
    transactions.mockRestore();
    expect(
      replies.map((answers) =>
        answers.map((reply) =>
          reply.ok && reply.value.type === 'charge_accepted' ? [reply.value.chargeId, reply.value.balance] : reply,
        ),
      ),
    ).toEqual(
      teams.map((team) => [
        [`${team}-c1`, 900n],
        [`${team}-c2`, 700n],
      ]),
    );
  });

  it('keeps 200 concurrent charges on one capped account within its limit and the balance consistent', async () => {
    await ledger.send(openTeam('hot'));
    await ledger.send(topUp('hot', 'up-1', 1_000_000n));
    await ledger.send(setPolicy('hot', 'capped', 5_000n));
    const amounts = Array.from({ length: 200 }, (_, i) => BigInt(1 + ((i * 37) % 100)));
    const outcomes = (
      await Promise.all(amounts.map((amount, i) => ledger.send(charge('hot', 'capped', `c-${i}`, amount))))
    ).map(outcomeOf);
    const accepted = outcomes.flatMap((outcome) => (outcome.type === 'charge_accepted' ? [outcome.amount] : []));
    const refused = outcomes.filter((outcome) => outcome.type === 'charge_refused');
    const spent = accepted.reduce((sum, amount) => sum + amount, 0n);
    expect(accepted.length + refused.length).toBe(200);
    expect(refused.length).toBeGreaterThan(0);
    expect(spent).toBeLessThanOrEqual(5_000n);
    const reply = await ledger.query({ type: 'GetBalance', teamId: 'hot', accountIds: ['capped'] });
    expect(reply).toEqual({
      ok: true,
      value: {
        teamId: 'hot',
        currency: 'usd',
        balance: 1_000_000n - spent,
        accounts: [{ accountId: 'capped', totalSpent: spent, creditLimit: 5_000n, status: 'active' }],
      },
    });
  });

  it('never lets concurrent charges take a team balance below zero', async () => {
    await ledger.send(openTeam('poor'));
    await ledger.send(topUp('poor', 'up-1', 1_000n));
    const outcomes = (
      await Promise.all(
        Array.from({ length: 200 }, (_, i) => ledger.send(charge('poor', `acc-${i % 7}`, `c-${i}`, 7n))),
      )
    ).map(outcomeOf);
    const accepted = outcomes.filter((outcome) => outcome.type === 'charge_accepted').length;
    expect(accepted).toBe(142);
    const reply = await ledger.query({ type: 'GetBalance', teamId: 'poor', accountIds: [] });
    expect(reply).toEqual({
      ok: true,
      value: { teamId: 'poor', currency: 'usd', balance: 1_000n - 142n * 7n, accounts: [] },
    });
  });
});
