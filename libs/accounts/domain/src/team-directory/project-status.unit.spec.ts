import type { TeamDirectoryCommand, TeamDirectoryEvent } from '@subledger/contracts';
import { MAIN_ID, T0, teamCreated, teamEvent } from '../testing/account-fixtures';
import { decideTeamDirectory } from './team-directory.decide';
import { replayTeamDirectory } from './team-directory.evolve';

type Status = 'active' | 'inactive' | 'pending_deletion';
const registered = (accountId: string) => teamEvent('SubAccountRegistered', { accountId, externalId: `ext-${accountId}` });
const statusOf = (accountId: string, status: Status) => teamEvent('ProjectStatusChanged', { accountId, status });
const setStatus = (accountId: string, status: Status): TeamDirectoryCommand => ({ type: 'ChangeProjectStatus', accountId, status, at: T0 });
const purge = (accountId: string): TeamDirectoryCommand => ({ type: 'PurgeProject', accountId, at: T0 });
const refusedWith = (type: string) => ({ type: 'refused', refusal: { type }, events: [] });
const accepted = (event: TeamDirectoryEvent) => ({ type: 'accepted', events: [event] });

const team = teamCreated();
const mainSuspended = statusOf(MAIN_ID, 'inactive');

describe('ChangeProjectStatus and the last active project', () => {
  it.each<[string, TeamDirectoryEvent[], TeamDirectoryCommand, object]>([
    ['main and one sub active: scheduling the sub', [team, registered('a')], setStatus('a', 'pending_deletion'), accepted(statusOf('a', 'pending_deletion'))],
    ['main and one sub active: scheduling the main', [team, registered('a')], setStatus(MAIN_ID, 'pending_deletion'), accepted(statusOf(MAIN_ID, 'pending_deletion'))],
    ['only the main active: scheduling it', [team], setStatus(MAIN_ID, 'pending_deletion'), refusedWith('last_active_project')],
    ['main suspended, one sub active: scheduling the sub', [team, registered('a'), mainSuspended], setStatus('a', 'pending_deletion'), refusedWith('last_active_project')],
    [
      'main suspended, the other sub pending: scheduling the last active sub',
      [team, registered('a'), registered('b'), mainSuspended, statusOf('b', 'pending_deletion')],
      setStatus('a', 'pending_deletion'),
      refusedWith('last_active_project'),
    ],
    ['main suspended, one sub active: scheduling the suspended main', [team, registered('a'), mainSuspended], setStatus(MAIN_ID, 'pending_deletion'), accepted(statusOf(MAIN_ID, 'pending_deletion'))],
    ['only the main active: suspending it (only deletion is guarded)', [team], setStatus(MAIN_ID, 'inactive'), accepted(statusOf(MAIN_ID, 'inactive'))],
    ['a pending project: restoring it', [team, registered('a'), statusOf('a', 'pending_deletion')], setStatus('a', 'active'), accepted(statusOf('a', 'active'))],
    ['an active project: activating it', [team, registered('a')], setStatus('a', 'active'), { type: 'unchanged', reason: 'already_active', events: [] }],
    ['an inactive project: suspending it', [team, registered('a'), statusOf('a', 'inactive')], setStatus('a', 'inactive'), { type: 'unchanged', reason: 'already_inactive', events: [] }],
    [
      'a pending project: scheduling it again',
      [team, registered('a'), statusOf('a', 'pending_deletion')],
      setStatus('a', 'pending_deletion'),
      { type: 'unchanged', reason: 'already_pending_deletion', events: [] },
    ],
    ['an unknown project', [team], setStatus('zz', 'inactive'), refusedWith('account_not_found')],
    ['a purged project', [team, registered('a'), teamEvent('ProjectPurged', { accountId: 'a' })], setStatus('a', 'active'), refusedWith('account_purged')],
    ['no team', [], setStatus('a', 'inactive'), refusedWith('team_not_found')],
  ])('given %s', (_case, history, when, then) => {
    expect(decideTeamDirectory(when, replayTeamDirectory(history))).toEqual(then);
  });
});

describe('PurgeProject', () => {
  const pending = [team, registered('a'), statusOf('a', 'pending_deletion')];

  it.each<[string, TeamDirectoryEvent[], TeamDirectoryCommand, object]>([
    ['a pending project', pending, purge('a'), accepted(teamEvent('ProjectPurged', { accountId: 'a' }))],
    ['a purged project', [...pending, teamEvent('ProjectPurged', { accountId: 'a' })], purge('a'), { type: 'unchanged', reason: 'already_purged', events: [] }],
    ['an unknown project', [team], purge('zz'), refusedWith('account_not_found')],
    ['no team', [], purge('a'), refusedWith('team_not_found')],
  ])('given %s', (_case, history, when, then) => {
    expect(decideTeamDirectory(when, replayTeamDirectory(history))).toEqual(then);
  });

  it('then the project is purged and holds no external id', () => {
    const state = replayTeamDirectory([...pending, teamEvent('ProjectPurged', { accountId: 'a' })]);
    if (state.status !== 'created') throw new Error('expected a team');
    expect(state.projects.get('a')).toEqual({ kind: 'sub', externalId: null, status: 'purged' });
  });
});
