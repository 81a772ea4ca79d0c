import type { AccountEvent, AccountsRefusal, TeamDirectoryEvent, UnchangedReason } from '@subledger/contracts';
import { AccountState } from '../account/account.state';
import { Decision } from '../decision';
import { TeamDirectoryState } from '../team-directory/team-directory.state';

/** The two streams a project command may touch: the team directory and the project's own stream. */
export interface ProjectStates {
  readonly team: TeamDirectoryState;
  readonly account: AccountState;
}

interface NoEvents {
  readonly teamEvents: readonly [];
  readonly accountEvents: readonly [];
}

/**
 * A decision over both streams. When accepted, the caller appends both lists in one atomic
 * `appendMany`, with the versions it read as expected versions, so that the two never disagree.
 */
export type ProjectDecision =
  | {
      readonly type: 'accepted';
      readonly teamEvents: readonly TeamDirectoryEvent[];
      readonly accountEvents: readonly AccountEvent[];
    }
  | ({ readonly type: 'unchanged'; readonly reason: UnchangedReason } & NoEvents)
  | ({ readonly type: 'refused'; readonly refusal: AccountsRefusal } & NoEvents);

export function acceptedProject(
  teamEvents: readonly TeamDirectoryEvent[],
  accountEvents: readonly AccountEvent[],
): ProjectDecision {
  return { type: 'accepted', teamEvents, accountEvents };
}

export function refusedProject(refusal: AccountsRefusal): ProjectDecision {
  return { type: 'refused', refusal, teamEvents: [], accountEvents: [] };
}

/** Carries a refusal or an unchanged outcome of either stream over to the project decision. */
export function notAccepted(decision: Exclude<Decision<unknown>, { type: 'accepted' }>): ProjectDecision {
  return decision.type === 'refused'
    ? refusedProject(decision.refusal)
    : { type: 'unchanged', reason: decision.reason, teamEvents: [], accountEvents: [] };
}
