import { DAY_MS, DEFAULT_DELETION_RETENTION_MS, validateRetention } from './deletion-retention.value-object';

describe('deletion retention', () => {
  it('defaults to 14 days', () => {
    expect(DEFAULT_DELETION_RETENTION_MS).toBe(14 * DAY_MS);
    expect(validateRetention(undefined)).toEqual({ ok: true, value: 14 * DAY_MS });
  });

  it.each([1, DAY_MS, 30 * DAY_MS])('accepts %d ms', (retention) => {
    expect(validateRetention(retention)).toEqual({ ok: true, value: retention });
  });

  it.each([
    [0, 'not_positive'],
    [-DAY_MS, 'not_positive'],
    [1.5, 'not_an_integer'],
    ['14d', 'not_an_integer'],
  ])('refuses %s', (retention, reason) => {
    expect(validateRetention(retention)).toEqual({ ok: false, error: [{ field: 'retentionMs', reason }] });
  });
});
