import type { UnchangedReason } from '@subledger/contracts';
import { deciderSpec } from '@subledger/kernel/testing';
import { accountDecider } from '../account/account.decider';
import type { AccountsOutcome } from '../decision';
import { teamDirectoryDecider } from '../team-directory/team-directory.decider';

/** Given/when/then on an account stream: `accountSpec.given(events).when(command).then(events)`. */
export const accountSpec = deciderSpec(accountDecider);

/** Given/when/then on a team directory stream. */
export const teamDirectorySpec = deciderSpec(teamDirectoryDecider);

export const ACCEPTED: AccountsOutcome = { type: 'accepted' };

export const unchangedFor = (reason: UnchangedReason): AccountsOutcome => ({ type: 'unchanged', reason });
