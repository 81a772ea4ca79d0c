import { accountView, CREATED_AT, spendView } from './testing/views';
import { toTeam, toTeamAccount } from './team.response';

describe('team and its accounts (operator view)', () => {
  it('shows a team with its currency and main account', () => {
    const team = {
      id: 'team_1',
      name: 'Acme Messaging',
      currency: 'usd',
      mainAccountId: 'proj_main',
      createdAt: CREATED_AT,
    };
    expect(toTeam(team)).toEqual({ ...team, createdAt: '2026-01-01T12:30:00.000Z' });
  });

  it('shows every account, erased ones included, with spend and limit in cents', () => {
    const account = accountView({ status: 'purged', deleteAt: CREATED_AT });
    expect(toTeamAccount(account, spendView({ totalSpent: 15_001n, creditLimit: 1_000_000n }))).toEqual({
      id: 'proj_sub',
      kind: 'sub',
      name: 'Acme',
      externalId: null,
      status: 'purged',
      totalSpent: 2,
      creditLimit: 100,
      metadata: null,
      createdAt: '2026-01-01T12:30:00.000Z',
      deleteAt: '2026-01-01T12:30:00.000Z',
    });
  });
});
