import type { CreateTeam } from '@subledger/contracts';
import { MAIN_ID, T0, TEAM_ID, teamCreated } from '../testing/account-fixtures';
import { decideTeamDirectory } from './team-directory.decide';
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
    expect(decideTeamDirectory(createTeam(), replayTeamDirectory([]))).toEqual({ type: 'accepted', events: [teamCreated()] });
  });

  it('stores the currency in lower case', () => {
    expect(decideTeamDirectory(createTeam({ currency: 'EUR' }), replayTeamDirectory([]))).toMatchObject({
      events: [{ currency: 'eur' }],
    });
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
    expect(decideTeamDirectory(createTeam(), replayTeamDirectory([teamCreated()]))).toEqual({
      type: 'refused',
      refusal: { type: 'team_already_exists' },
      events: [],
    });
  });

  it('lists every invalid field', () => {
    expect(decideTeamDirectory(createTeam({ name: ' ', currency: 'dollars' }), replayTeamDirectory([]))).toEqual({
      type: 'refused',
      refusal: {
        type: 'invalid',
        violations: [
          { field: 'name', reason: 'blank' },
          { field: 'currency', reason: 'not_allowed' },
        ],
      },
      events: [],
    });
  });
});
