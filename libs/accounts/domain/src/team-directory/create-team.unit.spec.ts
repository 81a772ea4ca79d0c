import type { CreateTeam } from '@subledger/contracts';
import { MAIN_ID, T0, TEAM_ID, teamCreated, teamEvent } from '../testing/account-fixtures';
import { ACCEPTED, teamDirectorySpec } from '../testing/account-spec';
import { replayTeamDirectory } from './team-directory.evolve';
import { activeProjectCount } from './team-directory.state';

const createTeam = (overrides: Partial<CreateTeam> = {}): CreateTeam => ({
  type: 'CreateTeam',
  teamId: TEAM_ID,
  name: 'Team',
  currency: 'usd',
  mainAccountId: MAIN_ID,
  at: T0,
  ...overrides,
});

describe('CreateTeam', () => {
  it('given no team, creates it with its main account', () => {
    teamDirectorySpec.given([]).when(createTeam()).then([teamCreated()], ACCEPTED);
  });

  it('stores the currency in lower case', () => {
    teamDirectorySpec
      .given([])
      .when(createTeam({ currency: 'EUR' }))
      .then(
        [teamEvent('TeamCreated', { teamId: TEAM_ID, name: 'Team', currency: 'eur', mainAccountId: MAIN_ID })],
        ACCEPTED,
      );
  });

  it('then the team has exactly one project, its main account, active', () => {
    const team = replayTeamDirectory([teamCreated()]);
    expect(team).toEqual({
      status: 'created',
      teamId: TEAM_ID,
      name: 'Team',
      currency: 'usd',
      mainAccountId: MAIN_ID,
      createdAt: T0,
      projects: new Map([[MAIN_ID, { kind: 'main', externalId: null, status: 'active' }]]),
    });
    if (team.status !== 'created') throw new Error('expected a team');
    expect(activeProjectCount(team)).toBe(1);
  });

  it('given the team exists, refuses', () => {
    teamDirectorySpec.given([teamCreated()]).when(createTeam()).thenRefused({ type: 'team_already_exists' });
  });

  it('lists every invalid field', () => {
    teamDirectorySpec
      .given([])
      .when(createTeam({ name: ' ', currency: 'dollars' }))
      .thenRefused({
        type: 'invalid',
        violations: [
          { field: 'name', reason: 'blank' },
          { field: 'currency', reason: 'not_allowed' },
        ],
      });
  });
});
