import { spendWindowStart } from './list-teams.controller';
import { toTeamListItem } from './team-list.response';

const HOUR = 3_600_000;
const team = {
  id: 'team_a',
  name: 'Acme',
  currency: 'usd',
  mainAccountId: 'acc_a',
  createdAt: Date.UTC(2026, 0, 1),
  subAccounts: 3,
};

describe("the operators' team list", () => {
  it('counts spend from the start of the hour 23 hours before the current one', () => {
    const now = Date.UTC(2026, 0, 2, 10, 59, 59, 999);
    expect(spendWindowStart(now)).toBe(Date.UTC(2026, 0, 1, 11));
    expect(spendWindowStart(Date.UTC(2026, 0, 2, 10))).toBe(Date.UTC(2026, 0, 2, 10) - 23 * HOUR);
  });

  it("shows the ledger's figures as decimal strings, and zeros for a team the ledger has not opened yet", () => {
    expect(toTeamListItem(team, { teamId: 'team_a', currency: 'usd', balance: 12_500_000n, spend: 23_700n })).toEqual({
      id: 'team_a',
      name: 'Acme',
      createdAt: '2026-01-01T00:00:00.000Z',
      currency: 'usd',
      balance: '12.5',
      subAccounts: 3,
      spend24h: '0.0237',
    });
    expect(toTeamListItem(team, undefined)).toMatchObject({ currency: 'usd', balance: '0', spend24h: '0' });
  });
});
