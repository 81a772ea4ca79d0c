import type { ResolvedRelayOptions } from './ledger-events-relay.options';
import type { RelayBatch } from './relay-batch';

/** How long the relay waits before its next pass: none while a backlog remains. */
export function delayAfter(
  batch: RelayBatch,
  options: Pick<ResolvedRelayOptions, 'batchSize' | 'pollIntervalMs' | 'standbyIntervalMs'>,
): number {
  switch (batch.type) {
    case 'relayed':
      return batch.read < options.batchSize ? options.pollIntervalMs : 0;
    case 'caught_up':
      return options.pollIntervalMs;
    case 'standby':
      return options.standbyIntervalMs;
    default: {
      const unknown: never = batch;
      throw new Error(`Unknown relay batch ${JSON.stringify(unknown)}`);
    }
  }
}
