import type { ExpectedVersion } from '@subledger/event-store';
import type { LedgerState } from '@subledger/ledger-domain';
import type { RefusedCommandIds } from './refused-command-ids';

/**
 * One team's state as the writer holds it: folded from its stream, with the version of the stream's
 * last event (-1 while the stream is empty), which is the expected version of the next append, and
 * the ids of its commands the domain refused without recording anything.
 */
export interface TeamLedger {
  readonly teamId: string;
  readonly state: LedgerState;
  version: bigint;
  readonly refused: RefusedCommandIds;
  /**
   * A team whose stream began before event ids were derived from command ids: its old charges cannot
   * be found by id in the store, so its state keeps every record, as every state once did.
   */
  keepsEveryRecord: boolean;
}

export const NO_EVENTS = -1n;

export function expectedVersionOf(version: bigint): ExpectedVersion {
  return version === NO_EVENTS ? 'no_stream' : version;
}
