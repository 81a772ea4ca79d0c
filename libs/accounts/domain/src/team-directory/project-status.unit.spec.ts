import type { AccountsRefusal, TeamDirectoryCommand, TeamDirectoryEvent } from '@subledger/contracts';
import type { AccountsOutcome } from '../decision';
import { MAIN_ID, T0, teamCreated, teamEvent } from '../testing/account-fixtures';
import { ACCEPTED, teamDirectorySpec, unchangedFor } from '../testing/account-spec';
import { replayTeamDirectory } from './team-directory.evolve';

type Status = 'active' | 'inactive' | 'pending_deletion';
const registered = (accountId: string) =>
  teamEvent('SubAccountRegistered', { accountId, externalId: `ext-${accountId}` });
const statusOf = (accountId: string, status: Status) => teamEvent('ProjectStatusChanged', { accountId, status });
const setStatus = (accountId: string, status: Status): TeamDirectoryCommand => ({
  type: 'ChangeProjectStatus',
  accountId,
  status,
  at: T0,
});
const purge = (accountId: string): TeamDirectoryCommand => ({ type: 'PurgeProject', accountId, at: T0 });

const team = teamCreated();
const mainSuspended = statusOf(MAIN_ID, 'inactive');

describe('ChangeProjectStatus and the last active project', () => {
  it.each<[string, TeamDirectoryEvent[], TeamDirectoryCommand, TeamDirectoryEvent[], AccountsOutcome]>([
    [
      'main and one sub active: scheduling the sub',
      [team, registered('a')],
      setStatus('a', 'pending_deletion'),
      [statusOf('a', 'pending_deletion')],
      ACCEPTED,
    ],
    [
      'main and one sub active: scheduling the main',
      [team, registered('a')],
      setStatus(MAIN_ID, 'pending_deletion'),
      [statusOf(MAIN_ID, 'pending_deletion')],
      ACCEPTED,
    ],
    [
      'main suspended, one sub active: scheduling the suspended main',
      [team, registered('a'), mainSuspended],
      setStatus(MAIN_ID, 'pending_deletion'),
      [statusOf(MAIN_ID, 'pending_deletion')],
      ACCEPTED,
    ],
    [
      'only the main active: suspending it (only deletion is guarded)',
      [team],
      setStatus(MAIN_ID, 'inactive'),
      [statusOf(MAIN_ID, 'inactive')],
      ACCEPTED,
    ],
    [
      'a pending project: restoring it',
      [team, registered('a'), statusOf('a', 'pending_deletion')],
      setStatus('a', 'active'),
      [statusOf('a', 'active')],
      ACCEPTED,
    ],
    [
      'an active project: activating it',
      [team, registered('a')],
      setStatus('a', 'active'),
      [],
      unchangedFor('already_active'),
    ],
    [
      'an inactive project: suspending it',
      [team, registered('a'), statusOf('a', 'inactive')],
      setStatus('a', 'inactive'),
      [],
      unchangedFor('already_inactive'),
    ],
    [
      'a pending project: scheduling it again',
      [team, registered('a'), statusOf('a', 'pending_deletion')],
      setStatus('a', 'pending_deletion'),
      [],
      unchangedFor('already_pending_deletion'),
    ],
  ])('given %s', (_case, history, when, events, outcome) => {
    teamDirectorySpec.given(history).when(when).then(events, outcome);
  });

  it.each<[string, TeamDirectoryEvent[], TeamDirectoryCommand, AccountsRefusal]>([
    [
      'only the main active: scheduling it',
      [team],
      setStatus(MAIN_ID, 'pending_deletion'),
      { type: 'last_active_project' },
    ],
    [
      'main suspended, one sub active: scheduling the sub',
      [team, registered('a'), mainSuspended],
      setStatus('a', 'pending_deletion'),
      { type: 'last_active_project' },
    ],
    [
      'main suspended, the other sub pending: scheduling the last active sub',
      [team, registered('a'), registered('b'), mainSuspended, statusOf('b', 'pending_deletion')],
      setStatus('a', 'pending_deletion'),
      { type: 'last_active_project' },
    ],
    ['an unknown project', [team], setStatus('zz', 'inactive'), { type: 'account_not_found' }],
    [
      'a purged project',
      [team, registered('a'), teamEvent('ProjectPurged', { accountId: 'a' })],
      setStatus('a', 'active'),
      { type: 'account_purged' },
    ],
    ['no team', [], setStatus('a', 'inactive'), { type: 'team_not_found' }],
  ])('given %s', (_case, history, when, refusal) => {
    teamDirectorySpec.given(history).when(when).thenRefused(refusal);
  });
});

describe('PurgeProject', () => {
  const pending = [team, registered('a'), statusOf('a', 'pending_deletion')];

  it.each<[string, TeamDirectoryEvent[], TeamDirectoryCommand, TeamDirectoryEvent[], AccountsOutcome]>([
    ['a pending project', pending, purge('a'), [teamEvent('ProjectPurged', { accountId: 'a' })], ACCEPTED],
    [
      'a purged project',
      [...pending, teamEvent('ProjectPurged', { accountId: 'a' })],
      purge('a'),
      [],
      unchangedFor('already_purged'),
    ],
  ])('given %s', (_case, history, when, events, outcome) => {
    teamDirectorySpec.given(history).when(when).then(events, outcome);
  });

  it.each<[string, TeamDirectoryEvent[], TeamDirectoryCommand, AccountsRefusal]>([
    ['an unknown project', [team], purge('zz'), { type: 'account_not_found' }],
    ['no team', [], purge('a'), { type: 'team_not_found' }],
  ])('given %s', (_case, history, when, refusal) => {
    teamDirectorySpec.given(history).when(when).thenRefused(refusal);
  });

  it('then the project is purged and holds no external id', () => {
    const state = replayTeamDirectory([...pending, teamEvent('ProjectPurged', { accountId: 'a' })]);
    if (state.status !== 'created') throw new Error('expected a team');
    expect(state.projects.get('a')).toEqual({ kind: 'sub', externalId: null, status: 'purged' });
  });
});
