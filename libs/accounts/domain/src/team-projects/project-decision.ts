import type { AccountEvent, AccountsRefusal, TeamDirectoryEvent } from '@subledger/contracts';
import type { Refused } from '@subledger/kernel';
import { AccountState } from '../account/account.state';
import { AccountsDecision, AccountsOutcome } from '../decision';
import { TeamDirectoryState } from '../team-directory/team-directory.state';

/** The two streams a project command may touch: the team directory and the project's own stream. */
export interface ProjectStates {
  readonly team: TeamDirectoryState;
  readonly account: AccountState;
}

/**
 * A decision over both streams: the kernel's decision shape with one list of events per stream.
 * When accepted, the caller appends both lists in one atomic `appendMany`, with the versions it
 * read as expected versions, so that the two never disagree; otherwise both lists are empty.
 */
export interface ProjectDecision {
  readonly teamEvents: readonly TeamDirectoryEvent[];
  readonly accountEvents: readonly AccountEvent[];
  readonly outcome: AccountsOutcome | Refused<AccountsRefusal>;
}

export function acceptedProject(
  teamEvents: readonly TeamDirectoryEvent[],
  accountEvents: readonly AccountEvent[],
): ProjectDecision {
  return { teamEvents, accountEvents, outcome: { type: 'accepted' } };
}

export function refusedProject(refusal: AccountsRefusal): ProjectDecision {
  return { teamEvents: [], accountEvents: [], outcome: { type: 'refused', refusal } };
}

/** Carries a refusal or an unchanged outcome of either stream over to the project decision. */
export function notAccepted(decision: AccountsDecision<unknown>): ProjectDecision {
  return { teamEvents: [], accountEvents: [], outcome: decision.outcome };
}
