import { ledgerSpec } from './testing/ledger-spec';
import { openTeam, teamOpened, toppedUp } from './testing/ledger-fixtures';

describe('OpenTeam', () => {
  it('opens a team', () =>
    ledgerSpec
      .given([])
      .when(openTeam('eur'))
      .then([teamOpened('eur')], { type: 'team_opened', teamId: 'team-1', currency: 'eur', replayed: false }));

  it('answers opening the same team again with the same currency, appending nothing', () =>
    ledgerSpec
      .given([teamOpened('usd'), toppedUp('t1', 5n)])
      .when(openTeam('usd'))
      .then([], { type: 'team_opened', teamId: 'team-1', currency: 'usd', replayed: true }));

  it('rejects opening the team again with another currency', () =>
    ledgerSpec
      .given([teamOpened('usd')])
      .when(openTeam('eur'))
      .thenRefused({ reason: 'team_already_opened', teamId: 'team-1', currency: 'usd' }));

  it('rejects opening another team on a stream that already holds one', () =>
    ledgerSpec
      .given([teamOpened('usd', 'team-2')])
      .when(openTeam('usd', 'team-1'))
      .thenRefused({ reason: 'team_already_opened', teamId: 'team-2', currency: 'usd' }));

  it('rejects a currency that is not three lower-case letters', () =>
    ledgerSpec.given([]).when(openTeam('us')).thenRefused({ reason: 'invalid_currency', currency: 'us' }));
});
