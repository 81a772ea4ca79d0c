import type { AccountView } from '@subledger/contracts';
import { accountView as anyAccountView, spendView } from './testing/views';
import { isVisible, toSubAccount, type VisibleAccountStatus } from './sub-account.response';

const accountView = (fields: Partial<AccountView> & { status?: VisibleAccountStatus } = {}) =>
  anyAccountView(fields) as AccountView & { status: VisibleAccountStatus };

const CENT = 10_000n;

describe('SubAccount', () => {
  it('has the docs/contract.md §4 fields, spend in cents rounded up and createdAt in ISO 8601', () => {
    const account = accountView({ externalId: 'ext-1', metadata: { plan: 'pro', seats: 3 } });
    const spend = spendView({ totalSpent: 12n * CENT + 1n, creditLimit: 5_000n * CENT });
    expect(toSubAccount(account, spend)).toEqual({
      id: 'proj_sub',
      name: 'Acme',
      externalId: 'ext-1',
      status: 'active',
      totalSpent: 13,
      creditLimit: 5000,
      metadata: { plan: 'pro', seats: 3 },
      createdAt: '2026-01-01T12:30:00.000Z',
    });
  });

  it('keeps null for no external id, no limit and no metadata', () => {
    expect(toSubAccount(accountView(), spendView())).toMatchObject({
      externalId: null,
      creditLimit: null,
      metadata: null,
      totalSpent: 0,
    });
  });

  it('takes the credit limit the ledger enforces', () => {
    const account = accountView({ creditLimit: 1n * CENT });
    expect(toSubAccount(account, spendView({ creditLimit: 2n * CENT })).creditLimit).toBe(2);
  });

  it('holds the full key only when one is given (creation)', () => {
    expect(toSubAccount(accountView(), spendView())).not.toHaveProperty('apiKey');
    expect(toSubAccount(accountView(), spendView(), 'sl_live_sub_x').apiKey).toBe('sl_live_sub_x');
  });

  it('shows deleteAt while a deletion is pending, and only then', () => {
    const deleteAt = Date.UTC(2026, 0, 15, 12, 30);
    const pending = accountView({ status: 'pending_deletion', deleteAt });
    expect(toSubAccount(pending, spendView())).toMatchObject({
      status: 'pending_deletion',
      deleteAt: '2026-01-15T12:30:00.000Z',
    });
    expect(toSubAccount(accountView({ status: 'inactive' }), spendView())).not.toHaveProperty('deleteAt');
  });

  it('hides erased accounts from the public API', () => {
    expect(isVisible(anyAccountView({ status: 'purged' }))).toBe(false);
    expect(
      ['active', 'inactive', 'pending_deletion'].map((status) =>
        isVisible(anyAccountView({ status: status as VisibleAccountStatus })),
      ),
    ).toEqual([true, true, true]);
  });
});
