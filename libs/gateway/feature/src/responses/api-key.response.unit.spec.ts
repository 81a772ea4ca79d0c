import { apiKeyView } from './testing/views';
import { toApiKey, toCreatedApiKey } from './api-key.response';

describe('ApiKey', () => {
  it('lists a key with epoch-millisecond times and never its digest', () => {
    const view = apiKeyView({
      permissions: ['messages:send'],
      lastUsedAt: 1_700_000_000_000,
      revokedAt: 1_700_000_100_000,
    });
    expect(toApiKey(view)).toEqual({
      id: 'key_1',
      name: 'Default',
      keyPrefix: 'sl_live_sub_',
      environment: 'live',
      permissions: ['messages:send'],
      createdAt: Date.UTC(2026, 0, 1, 12, 30),
      lastUsedAt: 1_700_000_000_000,
      revokedAt: 1_700_000_100_000,
    });
  });

  it('answers a created key as {id, key, name, environment}', () => {
    expect(toCreatedApiKey(apiKeyView({ environment: 'test' }), 'sl_test_sub_abc')).toEqual({
      id: 'key_1',
      key: 'sl_test_sub_abc',
      name: 'Default',
      environment: 'test',
    });
  });
});
