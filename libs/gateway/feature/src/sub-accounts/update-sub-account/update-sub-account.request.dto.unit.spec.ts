import type { AccountChanges } from '@subledger/contracts';
import { invalidPaths, validateRequest } from '../../responses/testing/validate-request';
import { toAccountChanges } from './to-account-changes';
import { UpdateSubAccountRequest } from './update-sub-account.request.dto';

async function changesOf(body: object): Promise<AccountChanges> {
  const result = await validateRequest(UpdateSubAccountRequest, body);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return toAccountChanges(result.value);
}

describe('PATCH /v1/sub-accounts/:id body', () => {
  it('leaves alone every field it does not hold', async () => {
    expect(await changesOf({})).toEqual({});
    expect(await changesOf({ name: 'New name' })).toEqual({ name: 'New name' });
  });

  it('clears the external id, limit and metadata with null, and the limit with 0', async () => {
    expect(await changesOf({ externalId: null, creditLimit: null, metadata: null })).toEqual({
      externalId: null,
      creditLimit: null,
      metadata: null,
    });
    expect(await changesOf({ creditLimit: 0 })).toEqual({ creditLimit: null });
  });

  it('turns a limit in cents into micros, exactly', async () => {
    expect(await changesOf({ creditLimit: 1234 })).toEqual({ creditLimit: 12_340_000n });
  });

  it('suspends and resumes through status', async () => {
    expect(await changesOf({ status: 'inactive' })).toEqual({ status: 'inactive' });
    expect(await changesOf({ status: 'active' })).toEqual({ status: 'active' });
  });

  it.each([
    ['a null name', { name: null }, ['name']],
    ['an empty name', { name: '' }, ['name']],
    ['status pending_deletion (its own route)', { status: 'pending_deletion' }, ['status']],
    ['status null', { status: null }, ['status']],
    ['a limit of 10^12 + 1 cents', { creditLimit: 1e12 + 1 }, ['creditLimit']],
    ['an unknown field', { kind: 'main' }, ['kind']],
  ])('refuses %s', async (_case, body, paths) => {
    expect(await invalidPaths(UpdateSubAccountRequest, body)).toEqual(paths);
  });
});
