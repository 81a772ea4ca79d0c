import { runDeciderTable } from './testing/decider-table';
import type { DeciderRow } from './testing/decider-table';
import { openTeam, teamOpened, toppedUp } from './testing/ledger-fixtures';

const rows: DeciderRow[] = [
  {
    name: 'opens a team',
    given: [],
    when: openTeam('eur'),
    events: [teamOpened('eur')],
    outcome: { type: 'team_opened', teamId: 'team-1', currency: 'eur', replayed: false },
  },
  {
    name: 'answers opening the same team again with the same currency, appending nothing',
    given: [teamOpened('usd'), toppedUp('t1', 5n)],
    when: openTeam('usd'),
    events: [],
    outcome: { type: 'team_opened', teamId: 'team-1', currency: 'usd', replayed: true },
  },
  {
    name: 'rejects opening the team again with another currency',
    given: [teamOpened('usd')],
    when: openTeam('eur'),
    events: [],
    outcome: { type: 'refused', refusal: { reason: 'team_already_opened', teamId: 'team-1', currency: 'usd' } },
  },
  {
    name: 'rejects opening another team on a stream that already holds one',
    given: [teamOpened('usd', 'team-2')],
    when: openTeam('usd', 'team-1'),
    events: [],
    outcome: { type: 'refused', refusal: { reason: 'team_already_opened', teamId: 'team-2', currency: 'usd' } },
  },
  {
    name: 'rejects a currency that is not three lower-case letters',
    given: [],
    when: openTeam('us'),
    events: [],
    outcome: { type: 'refused', refusal: { reason: 'invalid_currency', currency: 'us' } },
  },
];

describe('OpenTeam', () => runDeciderTable(rows));
