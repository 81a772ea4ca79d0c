import { invalidPaths } from '../responses/testing/validate-request';
import { AdjustBalanceRequest } from './adjust-balance/adjust-balance.request.dto';
import { CreateTeamRequest } from './create-team/create-team.request.dto';
import { ListLedgerEntriesQuery } from './list-ledger-entries/list-ledger-entries.query.dto';
import { TopUpRequest } from './top-up/top-up.request.dto';

describe('operator request bodies', () => {
  it.each([
    [CreateTeamRequest, { name: 'Acme' }, []],
    [CreateTeamRequest, { name: 'Acme', currency: 'USD' }, []],
    [CreateTeamRequest, { name: '' }, ['name']],
    [CreateTeamRequest, { name: 'Acme', currency: 'dollars' }, ['currency']],
    [CreateTeamRequest, { name: 'Acme', owner: 'x' }, ['owner']],
    [TopUpRequest, { amount: 10000, reference: 'inv-1' }, []],
    [TopUpRequest, { amount: 1 }, []],
    [TopUpRequest, { amount: 0 }, ['amount']],
    [TopUpRequest, { amount: -5 }, ['amount']],
    [TopUpRequest, { amount: 12.5 }, ['amount']],
    [TopUpRequest, { amount: '100' }, ['amount']],
    [TopUpRequest, { amount: 1e12 + 1 }, ['amount']],
    [TopUpRequest, { amount: 5, reference: '' }, ['reference']],
    [AdjustBalanceRequest, { amount: -500, reason: 'Refund of a carrier fault' }, []],
    [AdjustBalanceRequest, { amount: 500, reason: 'Goodwill' }, []],
    [AdjustBalanceRequest, { amount: 0, reason: 'Nothing' }, ['amount']],
    [AdjustBalanceRequest, { amount: 5 }, ['reason']],
    [AdjustBalanceRequest, { amount: 5, reason: '   ' }, ['reason']],
    [AdjustBalanceRequest, { amount: 5, reason: 'x'.repeat(501) }, ['reason']],
  ] as const)('%p %j -> bad fields %j', async (dto, body, paths) => {
    expect(await invalidPaths(dto, body)).toEqual(paths);
  });

  it('filters a ledger page by account', async () => {
    expect(await invalidPaths(ListLedgerEntriesQuery, { accountId: 'proj_1', limit: '20' }, 'query')).toEqual([]);
    expect(await invalidPaths(ListLedgerEntriesQuery, { accountId: '' }, 'query')).toEqual(['accountId']);
  });
});
