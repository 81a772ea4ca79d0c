import { readLedgerQuery } from './ledger-query.reader';

describe('reading a consumed query', () => {
  it('reads a balance query and a page query, with or without an account', () => {
    expect(readLedgerQuery({ type: 'GetBalance', teamId: 't', accountIds: ['a'] })).toEqual({
      ok: true,
      value: { type: 'GetBalance', teamId: 't', accountIds: ['a'] },
    });
    expect(readLedgerQuery({ type: 'ListLedgerEntries', teamId: 't', cursor: null, limit: 50 })).toEqual({
      ok: true,
      value: { type: 'ListLedgerEntries', teamId: 't', cursor: null, limit: 50 },
    });
    expect(
      readLedgerQuery({ type: 'ListLedgerEntries', teamId: 't', accountId: 'a', cursor: '9', limit: 1 }),
    ).toMatchObject({
      ok: true,
      value: { accountId: 'a', cursor: '9' },
    });
  });

  it('reads a usage query, with or without an account, up to 744 buckets', () => {
    const day = Date.UTC(2026, 0, 1);
    expect(
      readLedgerQuery({ type: 'GetUsage', teamId: 't', from: day, to: day + 744 * 3_600_000, granularity: 'hour' }),
    ).toEqual({
      ok: true,
      value: { type: 'GetUsage', teamId: 't', from: day, to: day + 744 * 3_600_000, granularity: 'hour' },
    });
    expect(
      readLedgerQuery({
        type: 'GetUsage',
        teamId: 't',
        accountId: 'a',
        from: day + 1,
        to: day + 2,
        granularity: 'day',
      }),
    ).toMatchObject({
      ok: true,
      value: { accountId: 'a', granularity: 'day' },
    });
  });

  it('reads an activity query of whole minutes, a summaries query, and a page newest first', () => {
    const minute = Date.UTC(2026, 0, 1, 10);
    expect(readLedgerQuery({ type: 'GetActivity', from: minute, to: minute + 1_440 * 60_000 })).toEqual({
      ok: true,
      value: { type: 'GetActivity', from: minute, to: minute + 1_440 * 60_000 },
    });
    expect(readLedgerQuery({ type: 'GetTeamSummaries', teamIds: ['t', 'u'], spendSince: minute })).toEqual({
      ok: true,
      value: { type: 'GetTeamSummaries', teamIds: ['t', 'u'], spendSince: minute },
    });
    expect(readLedgerQuery({ type: 'ListLedgerEntries', teamId: 't', cursor: null, limit: 5, order: 'desc' })).toEqual({
      ok: true,
      value: { type: 'ListLedgerEntries', teamId: 't', cursor: null, limit: 5, order: 'desc' },
    });
  });

  it.each([
    ['no object', 7, 'object'],
    ['an activity range past a day', { type: 'GetActivity', from: 0, to: 1_441 * 60_000 }, '1440'],
    ['an activity range not of whole minutes', { type: 'GetActivity', from: 1, to: 60_001 }, 'minutes'],
    ['an empty activity range', { type: 'GetActivity', from: 60_000, to: 60_000 }, 'before'],
    [
      'summaries of more than 100 teams',
      { type: 'GetTeamSummaries', teamIds: Array.from({ length: 101 }, (_, i) => `t${i}`), spendSince: 0 },
      'teamIds',
    ],
    ['summaries without a time', { type: 'GetTeamSummaries', teamIds: ['t'] }, 'spendSince'],
    [
      'an unknown order',
      { type: 'ListLedgerEntries', teamId: 't', cursor: null, limit: 5, order: 'sideways' },
      'order',
    ],
    ['an unknown granularity', { type: 'GetUsage', teamId: 't', from: 0, to: 1, granularity: 'week' }, 'granularity'],
    ['from after to', { type: 'GetUsage', teamId: 't', from: 2, to: 1, granularity: 'hour' }, 'from'],
    ['times that are not numbers', { type: 'GetUsage', teamId: 't', from: '0', to: 1, granularity: 'hour' }, 'from'],
    ['too many buckets', { type: 'GetUsage', teamId: 't', from: 0, to: 745 * 3_600_000, granularity: 'hour' }, '744'],
    ['no team', { type: 'GetBalance', accountIds: [] }, 'teamId'],
    ['an unknown type', { type: 'DropTables', teamId: 't' }, 'unknown'],
    ['account ids that are not strings', { type: 'GetBalance', teamId: 't', accountIds: [1] }, 'accountIds'],
    ['a limit of zero', { type: 'ListLedgerEntries', teamId: 't', cursor: null, limit: 0 }, 'limit'],
    ['a limit past the most', { type: 'ListLedgerEntries', teamId: 't', cursor: null, limit: 1_001 }, 'limit'],
    ['a cursor that is a number', { type: 'ListLedgerEntries', teamId: 't', cursor: 5, limit: 5 }, 'cursor'],
  ])('refuses %s, saying what is wrong', (_case, value, word) => {
    expect(readLedgerQuery(value)).toEqual({ ok: false, error: expect.stringContaining(word) });
  });
});
