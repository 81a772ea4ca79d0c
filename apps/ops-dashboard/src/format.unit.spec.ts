import {
  amountText,
  centsText,
  clockText,
  decimalOfMicros,
  limitUse,
  micros,
  refusalReasons,
  timeText,
} from './format';

describe('dashboard formatting', () => {
  it.each([
    ['12.5', '12.50'],
    ['10', '10.00'],
    ['-0.0079', '-0.0079'],
    ['0', '0.00'],
  ])('shows the amount %s as %s', (decimal, shown) => expect(amountText(decimal)).toBe(shown));

  it.each([
    [1234, '12.34'],
    [5, '0.05'],
    [-5, '-0.05'],
    [0, '0.00'],
    [100000, '1000.00'],
  ])('shows %i cents as %s', (cents, shown) => expect(centsText(cents)).toBe(shown));

  it.each([
    [0, 1000, 'ok', 0, '0 %'],
    [799, 1000, 'ok', 79, '79 %'],
    [800, 1000, 'near', 80, '80 %'],
    [999, 1000, 'near', 99, '99 %'],
    [1000, 1000, 'reached', 100, '100 %'],
    [1500, 1000, 'reached', 100, '150 %'],
    [0, 0, 'reached', 100, '100 %'],
  ])('spending %i of a %i limit is %s', (spent, limit, level, widthPercent, label) =>
    expect(limitUse(spent, limit)).toEqual({ level, widthPercent, label }),
  );

  it('draws no bar for an account without a limit', () => {
    expect(limitUse(5000, null)).toEqual({ level: 'none', widthPercent: 0, label: 'no limit' });
  });

  it('labels minutes and times in UTC', () => {
    expect(clockText('2026-12-05T09:41:00.000Z')).toBe('09:41');
    expect(timeText('2026-12-05T09:41:07.123Z')).toBe('2026-12-05 09:41:07 UTC');
  });

  it('collects the refusal reasons of every minute, sorted', () => {
    expect(
      refusalReasons([
        { refused: { insufficient_balance: 0 } },
        { refused: { credit_limit_exceeded: 2 } },
        { refused: {} },
      ]),
    ).toEqual(['credit_limit_exceeded', 'insufficient_balance']);
  });

  it.each([
    ['0.0079', 7900n],
    ['-0.0079', -7900n],
    ['12.5', 12_500_000n],
    ['3', 3_000_000n],
  ])('reads %s as %s micros and back', (decimal, value) => {
    expect(micros(decimal)).toBe(value);
    expect(decimalOfMicros(value)).toBe(decimal);
  });
});
