import type { SqlEventStore } from '@subledger/event-store';
import type { MessageBus } from '@subledger/messaging';
import type { OutgoingLedgerEvent } from './ledger-event-message';
import { ledgerEventMessages } from './ledger-event-messages';
import { loadCheckpoint } from '../schedule/follower-statements.sql';
import { relayStatements } from './relay-statements.sql';

/** What the relay needs of the process's event store (EVENT_STORE provides a whole SqlEventStore). */
export type RelayStore = Pick<SqlEventStore, 'transaction' | 'schema' | 'quotedSchema'>;

export interface RelayBatchSettings {
  readonly topic: string;
  readonly name: string;
  readonly batchSize: number;
}

/** What one pass of the relay did. */
export type RelayBatch =
  /** Another relay of the same name holds the lock: nothing was read. */
  | { readonly type: 'standby' }
  /** No event after the checkpoint. */
  | { readonly type: 'caught_up' }
  /** `read` events after the checkpoint, of which `published` were the ledger's; the checkpoint is now `checkpoint`. */
  | { readonly type: 'relayed'; readonly read: number; readonly published: number; readonly checkpoint: bigint };

/**
 * One batch of the outbox, in one database transaction: take the relay's lock (or give up at once),
 * read the events after the checkpoint, publish them all, wait until every publish is acknowledged,
 * and only then move the checkpoint. If any publish fails, or the process dies before the commit,
 * the checkpoint stays where it was and the next pass publishes the same events again: delivery is
 * at-least-once, and only the events of that one unsaved batch can come twice.
 *
 * The events table is ordered by commit (the store appends under a lock held to the commit), so an
 * event committed after this read can never carry a position at or below the new checkpoint.
 */
export function relayBatch(store: RelayStore, bus: MessageBus, settings: RelayBatchSettings): Promise<RelayBatch> {
  const statements = relayStatements(store.quotedSchema);
  return store.transaction(async (tx): Promise<RelayBatch> => {
    const { rows: lock } = await tx.query<{ locked: boolean }>(statements.tryLock, [store.schema, settings.name]);
    if (lock[0]?.locked !== true) return { type: 'standby' };
    const after = await loadCheckpoint(tx, statements, settings.name);
    const events = await tx.readAll({
      fromPosition: after === undefined ? 0n : after + 1n,
      maxCount: settings.batchSize,
    });
    if (events.length === 0) return { type: 'caught_up' };
    const messages = await ledgerEventMessages(tx, store.quotedSchema, events);
    await publishAll(bus, settings.topic, messages);
    const checkpoint = events[events.length - 1].globalPosition;
    await tx.query(statements.saveCheckpoint, [settings.name, checkpoint.toString()]);
    return { type: 'relayed', read: events.length, published: messages.length, checkpoint };
  });
}

/**
 * Every publish is started at once, in global order, and all are awaited, failed or not: the bus
 * keeps the order of publishes made one after another (the Kafka bus sends them through its one
 * idempotent producer, the in-process bus appends them as they come), and no send may still be in
 * flight once the lock is released, or another relay's copy could overtake it.
 */
export async function publishAll(
  bus: Pick<MessageBus, 'publish'>,
  topic: string,
  messages: readonly OutgoingLedgerEvent[],
): Promise<void> {
  const sends = messages.map(async ({ key, value, headers }) => bus.publish(topic, key, value, headers));
  const failures = (await Promise.allSettled(sends)).filter(
    (result): result is PromiseRejectedResult => result.status === 'rejected',
  );
  if (failures.length > 0) {
    throw new Error(`${failures.length} of ${messages.length} ledger events could not be published to ${topic}`, {
      cause: failures[0].reason,
    });
  }
}
