import type { LedgerEntryView } from '@subledger/contracts';
import { exportHeader, exportLine } from './ledger-export.format';

const entry = (fields: Partial<LedgerEntryView>): LedgerEntryView => ({
  position: '4',
  globalPosition: '17',
  type: 'ChargeRefunded',
  at: Date.UTC(2026, 0, 2, 3, 4, 5, 6),
  accountId: 'acc_1',
  chargeId: 'ch_1',
  amount: 7_900n,
  reason: null,
  reference: null,
  balanceAfter: 12_345_678_901_234_567n,
  ...fields,
});

describe('ledger export lines', () => {
  it('writes a CSV header and one row per entry, integer micros and ISO times', () => {
    expect(exportHeader('csv')).toBe(
      'position,globalPosition,at,type,accountId,chargeId,amount,reason,reference,balanceAfter\n',
    );
    expect(exportLine('csv', entry({}))).toBe(
      '4,17,2026-01-02T03:04:05.006Z,ChargeRefunded,acc_1,ch_1,7900,,,12345678901234567\n',
    );
  });

  it.each([
    ['a comma', 'late, failed', '"late, failed"'],
    ['a quote', 'said "no"', '"said ""no"""'],
    ['a line break', 'one\ntwo', '"one\ntwo"'],
    ['plain text', 'failed', 'failed'],
  ])('quotes a field with %s as RFC 4180 says', (_case, reason, written) => {
    expect(exportLine('csv', entry({ reason }))).toBe(
      `4,17,2026-01-02T03:04:05.006Z,ChargeRefunded,acc_1,ch_1,7900,${written},,12345678901234567\n`,
    );
  });

  it('writes JSON lines without a header, bigints as strings and absent fields as null', () => {
    expect(exportHeader('jsonl')).toBe('');
    expect(
      JSON.parse(
        exportLine('jsonl', entry({ type: 'TopUpRecorded', accountId: null, chargeId: null, reference: 'inv "7"' })),
      ),
    ).toEqual({
      position: '4',
      globalPosition: '17',
      at: '2026-01-02T03:04:05.006Z',
      type: 'TopUpRecorded',
      accountId: null,
      chargeId: null,
      amount: '7900',
      reason: null,
      reference: 'inv "7"',
      balanceAfter: '12345678901234567',
    });
  });
});
