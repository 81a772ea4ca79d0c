import { LEDGER_EVENT_SCHEMA_VERSION } from '@subledger/contracts';
import { evolve } from '@subledger/ledger-domain';
import type { TeamLedger } from './team-ledger';
import { TeamLedgerCache } from './team-ledger.cache';
import { newTeamLedger } from './team-memory';

const limits = { recentCharges: 2, refusedIds: 2 };
const team = (teamId: string): TeamLedger => newTeamLedger(teamId, limits);

function charged(ledger: TeamLedger, chargeIds: string[]): TeamLedger {
  evolve(ledger.state, {
    type: 'TeamOpened',
    schemaVersion: LEDGER_EVENT_SCHEMA_VERSION,
    teamId: ledger.teamId,
    currency: 'usd',
    at: 0,
  });
  evolve(ledger.state, {
    type: 'TopUpRecorded',
    schemaVersion: LEDGER_EVENT_SCHEMA_VERSION,
    topUpId: 'u',
    amount: 100n,
    at: 0,
  });
  for (const chargeId of chargeIds) {
    evolve(ledger.state, {
      type: 'ChargeAccepted',
      schemaVersion: LEDGER_EVENT_SCHEMA_VERSION,
      chargeId,
      accountId: 'a',
      amount: 1n,
      at: 0,
    });
  }
  return ledger;
}

describe('the team cache', () => {
  it('lends a team out: while taken it is not there, and it is back once put', () => {
    const cache = new TeamLedgerCache(undefined, limits);
    const t = team('t');
    cache.put(t);
    expect(cache.take('t')).toBe(t);
    expect(cache.take('t')).toBeUndefined();
    cache.put(t);
    expect(cache.take('t')).toBe(t);
  });

  it('drops the least recently used teams beyond its bound', () => {
    const cache = new TeamLedgerCache(2, limits);
    cache.put(team('a'));
    cache.put(team('b'));
    const a = cache.take('a') as TeamLedger;
    cache.put(a);
    cache.put(team('c'));
    expect(cache.size).toBe(2);
    expect(cache.take('b')).toBeUndefined();
    expect(cache.take('a')).toBe(a);
  });

  it('keeps of a team put back only its recent charges and no top-up, and its money whole', () => {
    const cache = new TeamLedgerCache(undefined, limits);
    const t = charged(team('t'), ['c1', 'c2', 'c3']);
    cache.put(t);
    expect([...t.state.charges.keys()]).toEqual(['c2', 'c3']);
    expect(t.state.topUps.size).toBe(0);
    expect(t.state.balance).toBe(97n);
  });

  it('keeps every record of a team whose old records cannot be found by id', () => {
    const cache = new TeamLedgerCache(undefined, limits);
    const t = charged(team('t'), ['c1', 'c2', 'c3']);
    t.keepsEveryRecord = true;
    cache.put(t);
    expect([...t.state.charges.keys()]).toEqual(['c1', 'c2', 'c3']);
  });

  it('forgets a dropped team', () => {
    const cache = new TeamLedgerCache(undefined, limits);
    cache.put(team('t'));
    cache.drop('t');
    expect(cache.size).toBe(0);
  });
});
