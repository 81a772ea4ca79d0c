import { gaugeMetric } from '@subledger/platform';
import type { RelayBatch, RelayStore } from './relay-batch';

/** Events of the event store the outbox relay has not published yet (docs/deployment.md, "Metrics"). */
export const relayLag = () =>
  gaugeMetric({
    name: 'subledger_outbox_relay_lag_events',
    help: 'Events committed to the event store that the outbox relay has not published to ledger.events yet',
  });

/**
 * How far the relay trails the event store after a pass: none when the pass emptied the backlog
 * (found nothing, or fewer events than a batch holds), else the distance from its checkpoint to the
 * newest event, in global positions (positions of rolled-back appends are skipped, never reused, so
 * this may count a few too many). A replica standing by measures it too, so every ledger replica
 * reports the same figure.
 */
export async function relayLagAfter(
  store: RelayStore,
  name: string,
  batch: RelayBatch,
  batchSize: number,
): Promise<number> {
  if (batch.type === 'caught_up' || (batch.type === 'relayed' && batch.read < batchSize)) return 0;
  const { rows } = await store.transaction((tx) =>
    tx.query<{ behind: string }>(
      `SELECT (coalesce((SELECT max(global_position) FROM ${store.quotedSchema}.events), 0)
        - coalesce((SELECT position FROM ${store.quotedSchema}.subscription_checkpoints WHERE subscription_name = $1), 0))::text AS behind`,
      [name],
    ),
  );
  const behind = BigInt(rows[0]?.behind ?? '0');
  return behind > 0n ? Number(behind) : 0;
}
