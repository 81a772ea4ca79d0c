import { runDeciderTable } from './testing/decider-table';
import type { DeciderRow } from './testing/decider-table';
import { adjust, adjusted, teamOpened, toppedUp } from './testing/ledger-fixtures';

const MAX = 2n ** 63n - 1n;
const funded = [teamOpened(), toppedUp('t1', 1_000n)];

const rows: DeciderRow[] = [
  {
    name: 'records a credit',
    given: funded,
    when: adjust('j1', 250n, 'goodwill credit'),
    events: [adjusted('j1', 250n, 'goodwill credit')],
    outcome: { type: 'balance_adjusted', adjustmentId: 'j1', amount: 250n, balance: 1_250n, replayed: false },
  },
  {
    name: 'records a debit that takes the balance to exactly zero',
    given: funded,
    when: adjust('j1', -1_000n),
    events: [adjusted('j1', -1_000n)],
    outcome: { type: 'balance_adjusted', adjustmentId: 'j1', amount: -1_000n, balance: 0n, replayed: false },
  },
  {
    name: 'rejects a debit that would take the balance below zero',
    given: funded,
    when: adjust('j1', -1_001n),
    events: [],
    outcome: { type: 'refused', refusal: { reason: 'insufficient_balance', balance: 1_000n, amount: -1_001n } },
  },
  {
    name: 'replays the same adjustment without a new event',
    given: [...funded, adjusted('j1', -100n)],
    when: adjust('j1', -100n),
    events: [],
    outcome: { type: 'balance_adjusted', adjustmentId: 'j1', amount: -100n, balance: 900n, replayed: true },
  },
  {
    name: 'rejects an adjustment id reused with another amount',
    given: [...funded, adjusted('j1', -100n)],
    when: adjust('j1', 100n),
    events: [],
    outcome: { type: 'refused', refusal: { reason: 'adjustment_id_reused', adjustmentId: 'j1' } },
  },
  {
    name: 'rejects an adjustment id reused with another reason',
    given: [...funded, adjusted('j1', -100n)],
    when: adjust('j1', -100n, 'another story'),
    events: [],
    outcome: { type: 'refused', refusal: { reason: 'adjustment_id_reused', adjustmentId: 'j1' } },
  },
  {
    name: 'rejects an adjustment of zero',
    given: funded,
    when: adjust('j1', 0n),
    events: [],
    outcome: { type: 'refused', refusal: { reason: 'invalid_amount', amount: 0n } },
  },
  {
    name: 'rejects an adjustment with a blank reason',
    given: funded,
    when: adjust('j1', 5n, ' \n'),
    events: [],
    outcome: { type: 'refused', refusal: { reason: 'invalid_reason' } },
  },
  {
    name: 'rejects a credit that would take the balance past a signed 64-bit integer',
    given: [teamOpened(), toppedUp('t1', MAX)],
    when: adjust('j1', 1n),
    events: [],
    outcome: { type: 'refused', refusal: { reason: 'balance_overflow', balance: MAX, amount: 1n } },
  },
  {
    name: 'rejects an adjustment of a team never opened',
    given: [],
    when: adjust('j1', 5n),
    events: [],
    outcome: { type: 'refused', refusal: { reason: 'team_not_found', teamId: 'team-1' } },
  },
];

describe('Adjust', () => runDeciderTable(rows));
