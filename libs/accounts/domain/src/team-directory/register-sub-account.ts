import type { RegisterSubAccount, TeamDirectoryEvent } from '@subledger/contracts';
import { refused } from '@subledger/kernel';
import { accepted, AccountsDecision, invalid } from '../decision';
import { validateExternalId } from '../values/external-id.value-object';
import { teamEventBase } from './team-directory-guards';
import { externalIdOwner, TeamDirectoryState } from './team-directory.state';

/** Reserves the sub-account's id and its external id, which must be unique within the team. */
export function registerSubAccount(
  command: RegisterSubAccount,
  state: TeamDirectoryState,
): AccountsDecision<TeamDirectoryEvent> {
  if (state.status === 'missing') return refused({ type: 'team_not_found' });
  const externalId = validateExternalId(command.externalId);
  if (!externalId.ok) return invalid(externalId.error);
  if (state.projects.has(command.accountId)) return refused({ type: 'account_id_taken' });
  if (externalId.value !== null && externalIdOwner(state, externalId.value) !== undefined) {
    return refused({ type: 'external_id_taken' });
  }
  const { accountId, at } = command;
  return accepted({ type: 'SubAccountRegistered', ...teamEventBase(at), accountId, externalId: externalId.value });
}
