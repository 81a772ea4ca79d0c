import { toLedgerEntry } from './ledger-entry.response';

describe('ledger entry', () => {
  it('shows amounts as exact decimal strings of the major unit and the time in ISO 8601', () => {
    const entry = toLedgerEntry({
      position: '7',
      globalPosition: '1042',
      type: 'ChargeAccepted',
      at: Date.UTC(2026, 0, 2),
      accountId: 'proj_sub',
      chargeId: 'msg_1',
      amount: -7_900n,
      balanceAfter: 99_992_100n,
      reason: null,
      reference: null,
    });
    expect(entry).toEqual({
      position: '7',
      globalPosition: '1042',
      type: 'ChargeAccepted',
      at: '2026-01-02T00:00:00.000Z',
      accountId: 'proj_sub',
      chargeId: 'msg_1',
      amount: '-0.0079',
      balanceAfter: '99.9921',
      reason: null,
      reference: null,
    });
  });

  it('keeps a top-up reference and an adjustment reason', () => {
    const base = { position: '1', globalPosition: '1', at: 0, accountId: null, chargeId: null, balanceAfter: 0n };
    expect(
      toLedgerEntry({ ...base, type: 'TopUpRecorded', amount: 100_000_000n, reason: null, reference: 'inv-9' }),
    ).toMatchObject({ amount: '100', reference: 'inv-9' });
    expect(
      toLedgerEntry({ ...base, type: 'BalanceAdjusted', amount: -50_000n, reason: 'goodwill', reference: null }),
    ).toMatchObject({ amount: '-0.05', reason: 'goodwill' });
  });
});
