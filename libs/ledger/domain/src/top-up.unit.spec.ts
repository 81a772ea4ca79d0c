import { runDeciderTable } from './testing/decider-table';
import type { DeciderRow } from './testing/decider-table';
import { teamOpened, topUp, toppedUp } from './testing/ledger-fixtures';

const MAX = 2n ** 63n - 1n;
const opened = [teamOpened()];
const withTopUp = [teamOpened(), toppedUp('t1', 1_000n, 'invoice-7')];

const rows: DeciderRow[] = [
  {
    name: 'records a top-up',
    given: opened,
    when: topUp('t1', 1_000n, 'invoice-7'),
    events: [toppedUp('t1', 1_000n, 'invoice-7')],
    outcome: { type: 'top_up_recorded', topUpId: 't1', amount: 1_000n, balance: 1_000n, replayed: false },
  },
  {
    name: 'records a top-up without a reference',
    given: withTopUp,
    when: topUp('t2', 1n),
    events: [toppedUp('t2', 1n)],
    outcome: { type: 'top_up_recorded', topUpId: 't2', amount: 1n, balance: 1_001n, replayed: false },
  },
  {
    name: 'replays the same top-up without a new event',
    given: withTopUp,
    when: topUp('t1', 1_000n, 'invoice-7'),
    events: [],
    outcome: { type: 'top_up_recorded', topUpId: 't1', amount: 1_000n, balance: 1_000n, replayed: true },
  },
  {
    name: 'rejects a top-up id reused with another amount',
    given: withTopUp,
    when: topUp('t1', 999n, 'invoice-7'),
    events: [],
    outcome: { type: 'refused', refusal: { reason: 'top_up_id_reused', topUpId: 't1' } },
  },
  {
    name: 'rejects a top-up id reused with another reference',
    given: withTopUp,
    when: topUp('t1', 1_000n),
    events: [],
    outcome: { type: 'refused', refusal: { reason: 'top_up_id_reused', topUpId: 't1' } },
  },
  {
    name: 'rejects a zero top-up',
    given: opened,
    when: topUp('t1', 0n),
    events: [],
    outcome: { type: 'refused', refusal: { reason: 'invalid_amount', amount: 0n } },
  },
  {
    name: 'rejects a negative top-up',
    given: opened,
    when: topUp('t1', -1n),
    events: [],
    outcome: { type: 'refused', refusal: { reason: 'invalid_amount', amount: -1n } },
  },
  {
    name: 'rejects a top-up that would take the balance past a signed 64-bit integer',
    given: [teamOpened(), toppedUp('t1', MAX)],
    when: topUp('t2', 1n),
    events: [],
    outcome: { type: 'refused', refusal: { reason: 'balance_overflow', balance: MAX, amount: 1n } },
  },
  {
    name: 'rejects a top-up of a team never opened',
    given: [],
    when: topUp('t1', 1n),
    events: [],
    outcome: { type: 'refused', refusal: { reason: 'team_not_found', teamId: 'team-1' } },
  },
];

describe('TopUp', () => runDeciderTable(rows));
