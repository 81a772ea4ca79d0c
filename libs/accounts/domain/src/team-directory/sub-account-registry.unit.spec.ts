import type { AccountsRefusal, TeamDirectoryCommand, TeamDirectoryEvent } from '@subledger/contracts';
import type { AccountsOutcome } from '../decision';
import { MAIN_ID, T0, teamCreated, teamEvent } from '../testing/account-fixtures';
import { ACCEPTED, teamDirectorySpec, unchangedFor } from '../testing/account-spec';
import { replayTeamDirectory } from './team-directory.evolve';
import { externalIdOwner } from './team-directory.state';

const registered = (accountId: string, externalId: string | null) =>
  teamEvent('SubAccountRegistered', { accountId, externalId });
const register = (accountId: string, externalId: string | null): TeamDirectoryCommand => ({
  type: 'RegisterSubAccount',
  accountId,
  externalId,
  at: T0,
});
const change = (accountId: string, externalId: string | null): TeamDirectoryCommand => ({
  type: 'ChangeExternalId',
  accountId,
  externalId,
  at: T0,
});
const given = [teamCreated(), registered('a', 'cust-a'), registered('b', null)];

describe('RegisterSubAccount', () => {
  it.each<[string, TeamDirectoryEvent[], TeamDirectoryCommand, TeamDirectoryEvent[], AccountsOutcome]>([
    ['a free external id', given, register('c', 'cust-c'), [registered('c', 'cust-c')], ACCEPTED],
    ['no external id, even beside another without one', given, register('c', null), [registered('c', null)], ACCEPTED],
    ['an external id differing only in case', given, register('c', 'CUST-A'), [registered('c', 'CUST-A')], ACCEPTED],
    [
      'an external id freed by a purge',
      [...given, teamEvent('ProjectPurged', { accountId: 'a' })],
      register('c', 'cust-a'),
      [registered('c', 'cust-a')],
      ACCEPTED,
    ],
  ])('given %s', (_case, history, when, events, outcome) => {
    teamDirectorySpec.given(history).when(when).then(events, outcome);
  });

  it.each<[string, TeamDirectoryEvent[], TeamDirectoryCommand, AccountsRefusal]>([
    ['an external id taken in the team', given, register('c', 'cust-a'), { type: 'external_id_taken' }],
    ['the id of an existing project', given, register('a', 'cust-z'), { type: 'account_id_taken' }],
    ['the main account id', given, register(MAIN_ID, null), { type: 'account_id_taken' }],
    [
      'a purged project id',
      [...given, teamEvent('ProjectPurged', { accountId: 'a' })],
      register('a', null),
      { type: 'account_id_taken' },
    ],
    ['no team', [], register('c', null), { type: 'team_not_found' }],
  ])('given %s', (_case, history, when, refusal) => {
    teamDirectorySpec.given(history).when(when).thenRefused(refusal);
  });

  it('refuses an invalid external id by field', () => {
    teamDirectorySpec
      .given(given)
      .when(register('c', 'x'.repeat(256)))
      .thenRefused({ type: 'invalid', violations: [{ field: 'externalId', reason: 'too_long' }] });
  });

  it('then the project is active and holds its external id', () => {
    const team = replayTeamDirectory([...given, registered('c', 'cust-c')]);
    if (team.status !== 'created') throw new Error('expected a team');
    expect(team.projects.get('c')).toEqual({ kind: 'sub', externalId: 'cust-c', status: 'active' });
    expect(externalIdOwner(team, 'cust-c')).toBe('c');
  });
});

describe('ChangeExternalId', () => {
  it.each<[string, TeamDirectoryEvent[], TeamDirectoryCommand, TeamDirectoryEvent[], AccountsOutcome]>([
    [
      'a free external id',
      given,
      change('a', 'cust-new'),
      [teamEvent('ExternalIdChanged', { accountId: 'a', externalId: 'cust-new' })],
      ACCEPTED,
    ],
    [
      'null, releasing it',
      given,
      change('a', null),
      [teamEvent('ExternalIdChanged', { accountId: 'a', externalId: null })],
      ACCEPTED,
    ],
    ['its own external id', given, change('a', 'cust-a'), [], unchangedFor('no_changes')],
    ['null when it has none', given, change('b', null), [], unchangedFor('no_changes')],
  ])('given %s', (_case, history, when, events, outcome) => {
    teamDirectorySpec.given(history).when(when).then(events, outcome);
  });

  it.each<[string, TeamDirectoryEvent[], TeamDirectoryCommand, AccountsRefusal]>([
    ["another project's external id", given, change('b', 'cust-a'), { type: 'external_id_taken' }],
    ['an unknown project', given, change('zz', 'x'), { type: 'account_not_found' }],
    [
      'a purged project',
      [...given, teamEvent('ProjectPurged', { accountId: 'a' })],
      change('a', 'x'),
      { type: 'account_purged' },
    ],
    ['no team', [], change('a', 'x'), { type: 'team_not_found' }],
  ])('given %s', (_case, history, when, refusal) => {
    teamDirectorySpec.given(history).when(when).thenRefused(refusal);
  });

  it('then the old external id is free for another project', () => {
    const history = [...given, teamEvent('ExternalIdChanged', { accountId: 'a', externalId: 'cust-new' })];
    teamDirectorySpec
      .given(history)
      .when(change('b', 'cust-a'))
      .then([teamEvent('ExternalIdChanged', { accountId: 'b', externalId: 'cust-a' })], ACCEPTED);
  });
});
