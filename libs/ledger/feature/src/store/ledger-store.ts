import type { SqlEventStore } from '@subledger/event-store';

/**
 * What the ledger needs of the process's event store: its transactions (events and the ledger's
 * own rows commit together; a batch's writes in one whose COMMIT is sent with them), stream reads for replay, and its SQL client and schema for the
 * ledger's tables. EVENT_STORE provides a whole SqlEventStore; tests may wrap one.
 */
export type LedgerStore = Pick<
  SqlEventStore,
  'transaction' | 'sentTransaction' | 'readStream' | 'sql' | 'schema' | 'quotedSchema'
>;
