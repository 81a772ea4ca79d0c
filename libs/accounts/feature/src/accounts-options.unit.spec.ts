import { DEFAULT_DELETION_RETENTION_MS } from '@subledger/accounts-domain';
import { resolveAccountsOptions } from './accounts-options';

describe('accounts module options', () => {
  it('fills in the defaults', () => {
    expect(resolveAccountsOptions()).toEqual({
      ledgerTimeoutMs: 5_000,
      deletionRetentionMs: DEFAULT_DELETION_RETENTION_MS,
      deletionSweepIntervalMs: 60_000,
      deletionStepTimeoutMs: 30_000,
      cachedTeams: 10_000,
      carrier: { failureRate: 0, stepDelayMs: 1_000, random: Math.random },
    });
  });

  it('keeps a sweep turned off and a deterministic random source', () => {
    const random = () => 0.5;
    expect(resolveAccountsOptions({ deletionSweepIntervalMs: null, carrier: { random } })).toMatchObject({
      deletionSweepIntervalMs: null,
      carrier: { random },
    });
  });

  it('refuses bad settings at start, naming every one', () => {
    expect(() =>
      resolveAccountsOptions({ ledgerTimeoutMs: 0, carrier: { failureRate: 1.5, stepDelayMs: -1 } }),
    ).toThrow(
      'Invalid accounts module options: ledgerTimeoutMs must be a positive whole number, got 0; ' +
        'carrier.failureRate must be between 0 and 1, got 1.5; carrier.stepDelayMs must be between 0 and 3600000, got -1',
    );
  });
});
