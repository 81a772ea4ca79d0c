import type {
  AccountsServiceRefusal,
  ChargeRefusedOutcome,
  LedgerQueryRefusal,
  LedgerRefusal,
} from '@subledger/contracts';
import type { ApiError } from '../shared';
import {
  accountsRefusalError,
  chargeRefusalError,
  ledgerCommandRefusalError,
  ledgerQueryRefusalError,
  ledgerRefusalError,
  subAccountNotFound,
  upstreamTimeout,
} from './refusal-table';

const CENT = 10_000n;

function answer(error: ApiError): { status: number; code: string; details: Record<string, unknown> } {
  return { status: error.getStatus(), code: error.code, details: error.details };
}

describe('the refusal table', () => {
  describe('accounts refusals', () => {
    it.each<[AccountsServiceRefusal, number, string]>([
      [{ type: 'team_not_found' }, 404, 'team_not_found'],
      [{ type: 'team_already_exists' }, 409, 'team_already_exists'],
      [{ type: 'account_not_found' }, 404, 'sub_account_not_found'],
      [{ type: 'account_purged' }, 404, 'sub_account_not_found'],
      [{ type: 'account_id_taken' }, 409, 'account_id_taken'],
      [{ type: 'account_pending_deletion' }, 409, 'account_pending_deletion'],
      [{ type: 'not_pending_deletion' }, 409, 'not_pending_deletion'],
      [{ type: 'deletion_window_closed', deleteAt: 0 }, 409, 'deletion_window_closed'],
      [{ type: 'purge_not_due', deleteAt: 0 }, 409, 'purge_not_due'],
      [{ type: 'reminder_not_scheduled', day: 3 }, 409, 'reminder_not_scheduled'],
      [{ type: 'reminder_not_due', day: 7, dueAt: 0 }, 409, 'reminder_not_due'],
      [{ type: 'external_id_taken' }, 409, 'external_id_taken'],
      [{ type: 'last_active_project' }, 409, 'last_active_project'],
      [{ type: 'key_not_found' }, 404, 'api_key_not_found'],
      [{ type: 'key_id_taken' }, 409, 'key_id_taken'],
      [{ type: 'message_not_found' }, 404, 'message_not_found'],
      [{ type: 'invalid_cursor' }, 400, 'invalid_request'],
      [{ type: 'invalid', violations: [] }, 400, 'invalid_request'],
      [{ type: 'upstream_refused', service: 'ledger', reason: 'team_not_found' }, 502, 'upstream_refused'],
    ])('%j answers %i %s', (refusal, status, code) => {
      const error = accountsRefusalError(refusal);
      expect(error.getStatus()).toBe(status);
      expect(error.code).toBe(code);
      expect(error.message).toMatch(/\.$/);
    });

    it('names every invalid field with its path and a sentence', () => {
      const refusal: AccountsServiceRefusal = {
        type: 'invalid',
        violations: [
          { field: 'name', reason: 'empty' },
          { field: 'metadata.plan', reason: 'too_long' },
        ],
      };
      expect(answer(accountsRefusalError(refusal)).details).toEqual({
        errors: [
          { path: 'name', message: 'name must not be empty' },
          { path: 'metadata.plan', message: 'metadata.plan is too long' },
        ],
      });
    });

    it('names the cursor of a list that refused it', () => {
      expect(answer(accountsRefusalError({ type: 'invalid_cursor' })).details).toEqual({
        errors: [{ path: 'cursor', message: 'cursor is not a cursor this list handed out' }],
      });
    });

    it('dates a closed deletion window in ISO 8601', () => {
      const error = accountsRefusalError({ type: 'deletion_window_closed', deleteAt: Date.UTC(2026, 0, 15) });
      expect(error.details).toEqual({ deleteAt: '2026-01-15T00:00:00.000Z' });
    });
  });

  describe('ledger command refusals', () => {
    it.each<[LedgerRefusal, number, string]>([
      [{ reason: 'team_not_found', teamId: 't' }, 404, 'team_not_found'],
      [{ reason: 'team_already_opened', teamId: 't', currency: 'usd' }, 409, 'team_already_exists'],
      [{ reason: 'invalid_currency', currency: 'x' }, 400, 'invalid_request'],
      [{ reason: 'invalid_amount', amount: 0n }, 400, 'invalid_request'],
      [{ reason: 'invalid_credit_limit', creditLimit: -1n }, 400, 'invalid_request'],
      [{ reason: 'invalid_reason' }, 400, 'invalid_request'],
      [{ reason: 'balance_overflow', balance: 5n * CENT, amount: 1n }, 409, 'balance_overflow'],
      [{ reason: 'insufficient_balance', balance: 5n * CENT, amount: -7n * CENT }, 402, 'insufficient_balance'],
      [{ reason: 'top_up_id_reused', topUpId: 'x' }, 409, 'idempotency_key_reused'],
      [{ reason: 'adjustment_id_reused', adjustmentId: 'x' }, 409, 'idempotency_key_reused'],
      [{ reason: 'charge_id_reused', chargeId: 'x' }, 409, 'idempotency_key_reused'],
      [{ reason: 'charge_not_found', chargeId: 'x' }, 404, 'charge_not_found'],
      [
        { reason: 'charge_not_refundable', chargeId: 'x', refusedFor: 'insufficient_balance' },
        409,
        'charge_not_refundable',
      ],
    ])('%j answers %i %s', (refusal, status, code) => {
      const error = ledgerRefusalError(refusal);
      expect([error.getStatus(), error.code]).toEqual([status, code]);
    });

    it('shows a debit the balance cannot cover in cents', () => {
      const error = ledgerRefusalError({
        reason: 'insufficient_balance',
        balance: 5n * CENT + 9_999n,
        amount: -7n * CENT,
      });
      expect(error.details).toEqual({ balance: 5, amount: -7 });
    });

    it('answers a command the ledger could not decode with 400 naming its field', () => {
      const error = ledgerCommandRefusalError({
        type: 'invalid_command',
        field: 'amount',
        message: 'amount must be positive',
      });
      expect(answer(error)).toEqual({
        status: 400,
        code: 'invalid_request',
        details: { errors: [{ path: 'amount', message: 'amount must be positive' }] },
      });
      expect(
        ledgerCommandRefusalError({ type: 'invalid_command', field: null, message: 'not a command' }).details,
      ).toEqual({
        errors: [{ path: 'body', message: 'not a command' }],
      });
    });
  });

  describe('charge refusals', () => {
    const refused = (fields: Partial<ChargeRefusedOutcome>): ChargeRefusedOutcome => ({
      type: 'charge_refused',
      chargeId: 'msg_1',
      accountId: 'proj_1',
      amount: 7_900n,
      reason: 'insufficient_balance',
      creditLimit: null,
      totalSpent: 0n,
      balance: 0n,
      replayed: false,
      ...fields,
    });

    it('answers a credit limit in the way with 402 and cents: limit exact, spend and cost rounded up', () => {
      const error = chargeRefusalError(
        refused({
          reason: 'credit_limit_exceeded',
          creditLimit: 100n * CENT,
          totalSpent: 99n * CENT + 1n,
          amount: 7_900n,
        }),
      );
      expect(answer(error)).toEqual({
        status: 402,
        code: 'credit_limit_exceeded',
        details: { creditLimit: 100, totalSpent: 100, cost: 1 },
      });
    });

    it('answers a balance too low with 402, the balance rounded down and the cost up', () => {
      const error = chargeRefusalError(
        refused({ reason: 'insufficient_balance', balance: 3n * CENT + 9_999n, amount: 4n * CENT + 1n }),
      );
      expect(answer(error)).toEqual({ status: 402, code: 'insufficient_balance', details: { balance: 3, cost: 5 } });
    });

    it('answers an inactive account with 403 account_inactive', () => {
      expect(answer(chargeRefusalError(refused({ reason: 'account_inactive' })))).toEqual({
        status: 403,
        code: 'account_inactive',
        details: {},
      });
    });
  });

  describe('ledger query refusals', () => {
    it.each<[LedgerQueryRefusal, number, string, string]>([
      [{ type: 'team_not_found' }, 404, 'team_not_found', ''],
      [{ type: 'invalid_cursor' }, 400, 'invalid_request', 'cursor'],
      [{ type: 'invalid_query', message: 'limit must be at most 1000' }, 400, 'invalid_request', 'query'],
    ])('%j answers %i %s', (refusal, status, code, path) => {
      const error = ledgerQueryRefusalError(refusal);
      expect([error.getStatus(), error.code]).toEqual([status, code]);
      if (path) expect((error.details['errors'] as { path: string }[])[0].path).toBe(path);
    });
  });

  it('answers a service that did not reply with 503 upstream_timeout', () => {
    expect(answer(upstreamTimeout('ledger'))).toEqual({
      status: 503,
      code: 'upstream_timeout',
      details: { service: 'ledger' },
    });
  });

  it('says sub_account_not_found in the error body shape (docs/contract.md §3.1)', () => {
    expect(subAccountNotFound().getResponse()).toEqual({
      code: 'sub_account_not_found',
      message: expect.any(String),
      details: {},
    });
  });

  it('refuses to answer a refusal it does not know rather than guess a status', () => {
    expect(() => accountsRefusalError({ type: 'brand_new' } as unknown as AccountsServiceRefusal)).toThrow(/brand_new/);
    expect(() => ledgerRefusalError({ reason: 'brand_new', amount: 5n } as unknown as LedgerRefusal)).toThrow(
      /"amount":"5"/,
    );
  });
});
