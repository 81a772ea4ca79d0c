import type { TeamDirectoryCommand, TeamDirectoryEvent } from '@subledger/contracts';
import { MAIN_ID, T0, teamCreated, teamEvent } from '../testing/account-fixtures';
import { decideTeamDirectory } from './team-directory.decide';
import { replayTeamDirectory } from './team-directory.evolve';
import { externalIdOwner } from './team-directory.state';

const registered = (accountId: string, externalId: string | null) => teamEvent('SubAccountRegistered', { accountId, externalId });
const register = (accountId: string, externalId: string | null): TeamDirectoryCommand => ({ type: 'RegisterSubAccount', accountId, externalId, at: T0 });
const change = (accountId: string, externalId: string | null): TeamDirectoryCommand => ({ type: 'ChangeExternalId', accountId, externalId, at: T0 });
const given = [teamCreated(), registered('a', 'cust-a'), registered('b', null)];
const refusedWith = (type: string) => ({ type: 'refused', refusal: { type }, events: [] });

describe('RegisterSubAccount', () => {
  it.each<[string, TeamDirectoryEvent[], TeamDirectoryCommand, object]>([
    ['a free external id', given, register('c', 'cust-c'), { type: 'accepted', events: [registered('c', 'cust-c')] }],
    ['no external id, even beside another without one', given, register('c', null), { type: 'accepted', events: [registered('c', null)] }],
    ['an external id differing only in case', given, register('c', 'CUST-A'), { type: 'accepted', events: [registered('c', 'CUST-A')] }],
    ['an external id taken in the team', given, register('c', 'cust-a'), refusedWith('external_id_taken')],
    ['the id of an existing project', given, register('a', 'cust-z'), refusedWith('account_id_taken')],
    ['the main account id', given, register(MAIN_ID, null), refusedWith('account_id_taken')],
    ['a purged project id', [...given, teamEvent('ProjectPurged', { accountId: 'a' })], register('a', null), refusedWith('account_id_taken')],
    ['an external id freed by a purge', [...given, teamEvent('ProjectPurged', { accountId: 'a' })], register('c', 'cust-a'), { type: 'accepted', events: [registered('c', 'cust-a')] }],
    ['no team', [], register('c', null), refusedWith('team_not_found')],
  ])('given %s', (_case, history, when, then) => {
    expect(decideTeamDirectory(when, replayTeamDirectory(history))).toEqual(then);
  });

  it('refuses an invalid external id by field', () => {
    expect(decideTeamDirectory(register('c', 'x'.repeat(256)), replayTeamDirectory(given))).toEqual({
      type: 'refused',
      refusal: { type: 'invalid', violations: [{ field: 'externalId', reason: 'too_long' }] },
      events: [],
    });
  });

  it('then the project is active and holds its external id', () => {
    const team = replayTeamDirectory([...given, registered('c', 'cust-c')]);
    if (team.status !== 'created') throw new Error('expected a team');
    expect(team.projects.get('c')).toEqual({ kind: 'sub', externalId: 'cust-c', status: 'active' });
    expect(externalIdOwner(team, 'cust-c')).toBe('c');
  });
});

describe('ChangeExternalId', () => {
  it.each<[string, TeamDirectoryEvent[], TeamDirectoryCommand, object]>([
    ['a free external id', given, change('a', 'cust-new'), { type: 'accepted', events: [teamEvent('ExternalIdChanged', { accountId: 'a', externalId: 'cust-new' })] }],
    ['null, releasing it', given, change('a', null), { type: 'accepted', events: [teamEvent('ExternalIdChanged', { accountId: 'a', externalId: null })] }],
    ['its own external id', given, change('a', 'cust-a'), { type: 'unchanged', reason: 'no_changes', events: [] }],
    ['null when it has none', given, change('b', null), { type: 'unchanged', reason: 'no_changes', events: [] }],
    ['another project\'s external id', given, change('b', 'cust-a'), refusedWith('external_id_taken')],
    ['an unknown project', given, change('zz', 'x'), refusedWith('account_not_found')],
    ['a purged project', [...given, teamEvent('ProjectPurged', { accountId: 'a' })], change('a', 'x'), refusedWith('account_purged')],
    ['no team', [], change('a', 'x'), refusedWith('team_not_found')],
  ])('given %s', (_case, history, when, then) => {
    expect(decideTeamDirectory(when, replayTeamDirectory(history))).toEqual(then);
  });

  it('then the old external id is free for another project', () => {
    const history = [...given, teamEvent('ExternalIdChanged', { accountId: 'a', externalId: 'cust-new' })];
    expect(decideTeamDirectory(change('b', 'cust-a'), replayTeamDirectory(history))).toMatchObject({ type: 'accepted' });
  });
});
