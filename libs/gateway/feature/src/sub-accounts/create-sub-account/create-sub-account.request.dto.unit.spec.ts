import { invalidPaths, validateRequest } from '../../responses/testing/validate-request';
import { CreateSubAccountRequest } from './create-sub-account.request.dto';

describe('POST /v1/sub-accounts body', () => {
  it.each([
    ['a name only', { name: 'Acme' }],
    [
      'every field',
      {
        name: 'Acme',
        externalId: 'ext-1',
        creditLimit: 5000,
        metadata: { plan: 'pro', seats: 3, trial: false, coupon: null },
      },
    ],
    ['no limit as 0', { name: 'Acme', creditLimit: 0 }],
    ['no limit as null', { name: 'Acme', creditLimit: null, externalId: null, metadata: null }],
    ['the largest limit', { name: 'Acme', creditLimit: 1e12 }],
    ['a 200-character name of astral characters', { name: '😀'.repeat(200) }],
  ])('accepts %s', async (_case, body) => {
    expect(await invalidPaths(CreateSubAccountRequest, body)).toEqual([]);
  });

  it.each([
    ['a missing name', {}, ['name']],
    ['an empty name', { name: '' }, ['name']],
    ['a blank name', { name: '   ' }, ['name']],
    ['a name of 201 characters', { name: 'x'.repeat(201) }, ['name']],
    ['a numeric name', { name: 42 }, ['name']],
    ['an external id of 256 characters', { name: 'A', externalId: 'x'.repeat(256) }, ['externalId']],
    ['a negative limit', { name: 'A', creditLimit: -1 }, ['creditLimit']],
    ['a fractional limit', { name: 'A', creditLimit: 10.5 }, ['creditLimit']],
    ['a limit over 10^12', { name: 'A', creditLimit: 1e12 + 1 }, ['creditLimit']],
    ['a limit as a string', { name: 'A', creditLimit: '100' }, ['creditLimit']],
    ['metadata that is an array', { name: 'A', metadata: ['x'] }, ['metadata']],
    ['metadata with a nested value', { name: 'A', metadata: { address: { city: 'Lima' } } }, ['metadata']],
    [
      'metadata with 51 keys',
      { name: 'A', metadata: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])) },
      ['metadata'],
    ],
    ['an unknown field', { name: 'A', plan: 'pro' }, ['plan']],
  ])('refuses %s', async (_case, body, paths) => {
    expect(await invalidPaths(CreateSubAccountRequest, body)).toEqual(paths);
  });

  it('names every bad field at once, with what is wrong', async () => {
    const result = await validateRequest(CreateSubAccountRequest, {
      name: '',
      creditLimit: -5,
      metadata: { note: 'x'.repeat(501) },
    });
    expect(result).toEqual({
      ok: false,
      error: [
        { path: 'name', message: 'name must not be empty' },
        { path: 'creditLimit', message: 'creditLimit must not be negative' },
        { path: 'metadata', message: 'metadata.note is too long' },
      ],
    });
  });
});
