import type { GatewayOptions } from '../shared/gateway-options';
import { checkGatewayOptions } from './check-gateway-options';

const testGatewayOptions = (changes: Partial<GatewayOptions> = {}): GatewayOptions => ({
  adminToken: 'an-operator-token-of-at-least-32-chars',
  requestTimeoutMs: 5000,
  rateLimitPerMinute: 600,
  pricesFile: 'config/prices.json',
  idempotencyRetentionMs: 24 * 60 * 60 * 1000,
  ...changes,
});

describe('checkGatewayOptions', () => {
  it('accepts sound options', () => {
    const options = testGatewayOptions();
    expect(checkGatewayOptions(options)).toBe(options);
  });

  it('names every unsound setting at once', () => {
    const options = testGatewayOptions({
      adminToken: '',
      requestTimeoutMs: 0,
      rateLimitPerMinute: 1.5,
      idempotencyRetentionMs: 60_000,
    });
    expect(() => checkGatewayOptions(options)).toThrow(
      'Invalid gateway options: adminToken must be set; requestTimeoutMs must be a positive number; rateLimitPerMinute must be a positive integer; idempotencyRetentionMs must be at least 24 hours (docs/contract.md §3)',
    );
  });
});
