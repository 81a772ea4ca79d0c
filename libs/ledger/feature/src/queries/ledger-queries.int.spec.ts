import type { LedgerEntryView, LedgerQueryReply } from '@subledger/contracts';
import type { SqlEventStore } from '@subledger/event-store';
import { charge, openTeam, refund, setPolicy, topUp } from '../testing/ledger-commands.fixtures';
import { type LedgerDatabase, ledgerDatabases } from '../testing/ledger-databases';
import { type LedgerTestApp, startLedger } from '../testing/ledger-test-app';

describe.each(ledgerDatabases)('ledger queries on %s', (_name, openDatabase) => {
  let database: LedgerDatabase;
  let store: SqlEventStore;
  let ledger: LedgerTestApp;

  beforeAll(async () => {
    database = await openDatabase();
    store = await database.openStore();
    ledger = await startLedger(store);
    await ledger.send(openTeam('q'));
    await ledger.send(topUp('q', 'up-1', 1_000n));
    await ledger.send(setPolicy('q', 'sub', 300n));
    for (let i = 0; i < 12; i++) await ledger.send(charge('q', i % 3 === 0 ? 'sub' : 'main', `c-${i}`, 50n));
    await ledger.send(refund('q', 'c-1'));
  });

  afterAll(async () => {
    await ledger.close();
    await store.close();
    await database.dispose();
  });

  const listAll = async (accountId?: string, limit = 4, order: 'asc' | 'desc' = 'asc') => {
    const pages: LedgerEntryView[][] = [];
    let cursor: string | null = null;
    do {
      const reply: LedgerQueryReply<'ListLedgerEntries'> = await ledger.query({
        type: 'ListLedgerEntries',
        teamId: 'q',
        cursor,
        limit,
        order,
        ...(accountId === undefined ? {} : { accountId }),
      });
      if (!reply.ok) throw new Error(`refused: ${JSON.stringify(reply.refusal)}`);
      pages.push([...reply.value.items]);
      cursor = reply.value.nextCursor;
    } while (cursor !== null);
    return pages;
  };

  it('answers the balance and the spend of the accounts asked for, unknown ones at zero without a cap', async () => {
    const reply = await ledger.query({ type: 'GetBalance', teamId: 'q', accountIds: ['main', 'unknown', 'sub'] });
    expect(reply).toEqual({
      ok: true,
      value: {
        teamId: 'q',
        currency: 'usd',
        balance: 1_000n - 12n * 50n + 50n,
        accounts: [
          { accountId: 'main', totalSpent: 7n * 50n, creditLimit: null, status: 'active' },
          { accountId: 'unknown', totalSpent: 0n, creditLimit: null, status: 'active' },
          { accountId: 'sub', totalSpent: 4n * 50n, creditLimit: 300n, status: 'active' },
        ],
      },
    });
  });

  it('lists the whole ledger in stream order with the running balance, page by page', async () => {
    const pages = await listAll();
    const entries = pages.flat();
    expect(pages.map((page) => page.length)).toEqual([4, 4, 4, 4]);
    expect(entries.map((entry) => entry.position)).toEqual(Array.from({ length: 16 }, (_, i) => String(i)));
    expect(entries.slice(0, 4).map(({ type, amount, balanceAfter }) => [type, amount, balanceAfter])).toEqual([
      ['TeamOpened', 0n, 0n],
      ['TopUpRecorded', 1_000n, 1_000n],
      ['SpendPolicySet', 0n, 1_000n],
      ['ChargeAccepted', -50n, 950n],
    ]);
    let running = 0n;
    for (const entry of entries) {
      running += entry.amount;
      expect(entry.balanceAfter).toBe(running);
    }
    expect(entries[entries.length - 1]).toMatchObject({
      type: 'ChargeRefunded',
      chargeId: 'c-1',
      accountId: 'main',
      amount: 50n,
      reason: 'delivery failed',
    });
  });

  it('lists newest first on request, page by page, each entry with the same running balance', async () => {
    const oldestFirst = (await listAll()).flat();
    const pages = await listAll(undefined, 5, 'desc');
    expect(pages.map((page) => page.length)).toEqual([5, 5, 5, 1]);
    expect(pages.flat()).toEqual([...oldestFirst].reverse());
    expect(pages[0][0]).toMatchObject({ type: 'ChargeRefunded', balanceAfter: 450n });
    expect((await listAll('sub', 2, 'desc')).flat().map((entry) => entry.chargeId)).toEqual([
      'c-9',
      'c-6',
      'c-3',
      'c-0',
      null,
    ]);
  });

  it('filters by account, and keeps a cursor valid while new entries arrive', async () => {
    const sub = (await listAll('sub', 2)).flat();
    expect(sub.map((entry) => entry.chargeId)).toEqual([null, 'c-0', 'c-3', 'c-6', 'c-9']);
    expect(sub.every((entry) => entry.accountId === 'sub')).toBe(true);
    const first = await ledger.query({ type: 'ListLedgerEntries', teamId: 'q', cursor: null, limit: 15 });
    if (!first.ok) throw new Error('refused');
    await ledger.send(charge('q', 'main', 'late', 1n));
    const rest = await ledger.query({
      type: 'ListLedgerEntries',
      teamId: 'q',
      cursor: first.value.nextCursor,
      limit: 15,
    });
    if (!rest.ok) throw new Error('refused');
    expect(rest.value.items.map((entry) => entry.position)).toEqual(['15', '16']);
    expect(rest.value.items[1]).toMatchObject({ chargeId: 'late', amount: -1n, balanceAfter: 449n });
    expect(rest.value.nextCursor).toBeNull();
  });

  it('refuses unknown teams, bad cursors and malformed queries', async () => {
    expect(await ledger.query({ type: 'GetBalance', teamId: 'nobody', accountIds: [] })).toEqual({
      ok: false,
      refusal: { type: 'team_not_found' },
    });
    expect(await ledger.query({ type: 'ListLedgerEntries', teamId: 'nobody', cursor: null, limit: 5 })).toEqual({
      ok: false,
      refusal: { type: 'team_not_found' },
    });
    expect(await ledger.query({ type: 'ListLedgerEntries', teamId: 'q', cursor: 'abc', limit: 5 })).toEqual({
      ok: false,
      refusal: { type: 'invalid_cursor' },
    });
    expect(
      await ledger.query({
        type: 'ListLedgerEntries',
        teamId: 'q',
        cursor: '9999999999999999999',
        limit: 5,
        order: 'desc',
      }),
    ).toEqual({
      ok: false,
      refusal: { type: 'invalid_cursor' },
    });
    expect(await ledger.query({ type: 'ListLedgerEntries', teamId: 'q', cursor: null, limit: 0 })).toEqual({
      ok: false,
      refusal: { type: 'invalid_query', message: expect.stringContaining('limit') },
    });
  });
});
