import { initialState } from '@subledger/ledger-domain';
import { NO_EVENTS, type TeamLedger } from './team-ledger';
import { TeamLedgerCache } from './team-ledger.cache';

const team = (teamId: string): TeamLedger => ({ teamId, state: initialState(), version: NO_EVENTS, refusedCommandIds: new Set<string>() });

describe('the team cache', () => {
  it('lends a team out: while taken it is not there, and it is back once put', () => {
    const cache = new TeamLedgerCache();
    const t = team('t');
    cache.put(t);
    expect(cache.take('t')).toBe(t);
    expect(cache.take('t')).toBeUndefined();
    cache.put(t);
    expect(cache.take('t')).toBe(t);
  });

  it('drops the least recently used teams beyond its bound', () => {
    const cache = new TeamLedgerCache(2);
    cache.put(team('a'));
    cache.put(team('b'));
    const a = cache.take('a') as TeamLedger;
    cache.put(a);
    cache.put(team('c'));
    expect(cache.size).toBe(2);
    expect(cache.take('b')).toBeUndefined();
    expect(cache.take('a')).toBe(a);
  });

  it('forgets a dropped team', () => {
    const cache = new TeamLedgerCache();
    cache.put(team('t'));
    cache.drop('t');
    expect(cache.size).toBe(0);
  });
});
