import type { SqlEventStore } from '@subledger/event-store';
import { ledgerTables } from '../store/ledger-tables';
import { charge, openTeam, topUp } from '../testing/ledger-commands.fixtures';
import { type LedgerDatabase, ledgerDatabases } from '../testing/ledger-databases';
import { batchOf, startLedger } from '../testing/ledger-test-app';
import { readConsumerOffsets } from './consumer-offsets';

describe.each(ledgerDatabases)('consumer offsets on %s', (_name, openDatabase) => {
  let database: LedgerDatabase;
  let store: SqlEventStore;

  beforeAll(async () => {
    database = await openDatabase();
    store = await database.openStore();
  });

  afterAll(async () => {
    await store.close();
    await database.dispose();
  });

  const offsets = () => readConsumerOffsets(store.sql, ledgerTables(store.quotedSchema), 'ledger');

  it('are not recorded for a transport whose offsets restart with the process', async () => {
    const ledger = await startLedger(store);
    try {
      await ledger.commands.handle(batchOf([openTeam('plain')], 40, 2));
      expect(await offsets()).toEqual([]);
    } finally {
      await ledger.close();
    }
  });

  it('are committed with the batch when asked for, and never move backwards', async () => {
    const ledger = await startLedger(store, { recordConsumerOffsets: true });
    try {
      await ledger.commands.handle(batchOf([openTeam('k'), topUp('k', 'u', 5n), charge('k', 'a', 'c', 1n)], 5, 3));
      expect(await offsets()).toEqual([{ group: 'ledger', topic: 'ledger.commands', partition: 3, nextOffset: 8 }]);
      await ledger.commands.handle(batchOf([charge('k', 'a', 'c', 1n)], 7, 3));
      await ledger.commands.handle(batchOf([charge('k', 'a', 'old', 1n)], 2, 3));
      expect(await offsets()).toEqual([{ group: 'ledger', topic: 'ledger.commands', partition: 3, nextOffset: 8 }]);
    } finally {
      await ledger.close();
    }
  });
});
