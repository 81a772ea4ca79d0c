import type { TeamDirectoryEvent } from '@subledger/contracts';
import { assertNever } from '@subledger/kernel';
import { initialTeamDirectoryState, Project, TeamDirectory, TeamDirectoryState } from './team-directory.state';

/**
 * Applies one recorded event. Maps are copied rather than changed in place so that every state a
 * caller holds stays valid; a team has few enough projects for the copy not to matter.
 */
export function evolveTeamDirectory(state: TeamDirectoryState, event: TeamDirectoryEvent): TeamDirectoryState {
  if (event.type === 'TeamCreated') {
    const { teamId, name, currency, mainAccountId, at } = event;
    const main: Project = { kind: 'main', externalId: null, status: 'active' };
    const projects = new Map([[mainAccountId, main]]);
    return { status: 'created', teamId, name, currency, mainAccountId, createdAt: at, projects };
  }
  if (state.status === 'missing') return state;
  switch (event.type) {
    case 'SubAccountRegistered':
      return withProject(state, event.accountId, { kind: 'sub', externalId: event.externalId, status: 'active' });
    case 'ExternalIdChanged':
      return updateProject(state, event.accountId, { externalId: event.externalId });
    case 'ProjectStatusChanged':
      return updateProject(state, event.accountId, { status: event.status });
    case 'ProjectPurged':
      return updateProject(state, event.accountId, { status: 'purged', externalId: null });
    default:
      return assertNever(event);
  }
}

export function replayTeamDirectory(events: readonly TeamDirectoryEvent[]): TeamDirectoryState {
  return events.reduce(evolveTeamDirectory, initialTeamDirectoryState());
}

function withProject(team: TeamDirectory, accountId: string, project: Project): TeamDirectory {
  return { ...team, projects: new Map(team.projects).set(accountId, project) };
}

function updateProject(team: TeamDirectory, accountId: string, change: Partial<Project>): TeamDirectory {
  const project = team.projects.get(accountId);
  return project ? withProject(team, accountId, { ...project, ...change }) : team;
}
