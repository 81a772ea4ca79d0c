import { invalidPaths, validateRequest } from '../../responses/testing/validate-request';
import { CreateApiKeyRequest } from './create-api-key.request.dto';

describe('POST /v1/sub-accounts/:id/api-keys body', () => {
  it('takes a name, and optionally an environment and permissions', async () => {
    expect(
      await validateRequest(CreateApiKeyRequest, {
        name: 'Server',
        environment: 'test',
        permissions: ['messages:send'],
      }),
    ).toMatchObject({
      ok: true,
      value: { name: 'Server', environment: 'test', permissions: ['messages:send'] },
    });
    expect(await invalidPaths(CreateApiKeyRequest, { name: 'Server' })).toEqual([]);
  });

  it.each([
    ['no name', {}, ['name']],
    ['an environment other than live or test', { name: 'S', environment: 'prod' }, ['environment']],
    ['permissions that are not a list', { name: 'S', permissions: 'all' }, ['permissions']],
    ['a repeated permission', { name: 'S', permissions: ['a', 'a'] }, ['permissions']],
    ['an empty permission', { name: 'S', permissions: [''] }, ['permissions']],
    ['an unknown field', { name: 'S', key: 'sl_live_x' }, ['key']],
  ])('refuses %s', async (_case, body, paths) => {
    expect(await invalidPaths(CreateApiKeyRequest, body)).toEqual(paths);
  });
});
