import type { ChangeExternalId, TeamDirectoryEvent } from '@subledger/contracts';
import { refused } from '@subledger/kernel';
import { accepted, AccountsDecision, invalid, unchanged } from '../decision';
import { validateExternalId } from '../values/external-id.value-object';
import { liveProject, teamEventBase } from './team-directory-guards';
import { externalIdOwner, TeamDirectoryState } from './team-directory.state';

/** A new external id must not belong to another project of the team; `null` releases it. */
export function changeExternalId(
  command: ChangeExternalId,
  state: TeamDirectoryState,
): AccountsDecision<TeamDirectoryEvent> {
  const found = liveProject(state, command.accountId);
  if (!found.ok) return refused(found.error);
  const { team, project } = found.value;
  const externalId = validateExternalId(command.externalId);
  if (!externalId.ok) return invalid(externalId.error);
  if (externalId.value === project.externalId) return unchanged('no_changes');
  if (externalId.value !== null && externalIdOwner(team, externalId.value) !== undefined) {
    return refused({ type: 'external_id_taken' });
  }
  const { accountId, at } = command;
  return accepted({ type: 'ExternalIdChanged', ...teamEventBase(at), accountId, externalId: externalId.value });
}
