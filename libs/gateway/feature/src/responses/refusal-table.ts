import { HttpStatus } from '@nestjs/common';
import type {
  AccountsServiceRefusal,
  ChargeRefusedOutcome,
  LedgerCommandRefusal,
  LedgerQueryRefusal,
  LedgerRefusal,
} from '@subledger/contracts';
import { balanceCents, costCents, creditLimitCents, type Micros, spentCents } from '@subledger/money';
import { ApiError } from '../shared';
import { invalidRequest } from '../errors';
import { fieldErrorOf } from './violation-messages';

// The one place where a refusal of a service becomes an HTTP status, an error code and a sentence.
// Every switch is exhaustive: a new refusal in the contracts fails the type check here until mapped.

export function subAccountNotFound(): ApiError {
  return new ApiError(
    HttpStatus.NOT_FOUND,
    'sub_account_not_found',
    'No sub-account with this id exists in your team.',
  );
}

export function teamNotFound(): ApiError {
  return new ApiError(HttpStatus.NOT_FOUND, 'team_not_found', 'No team with this id exists.');
}

export function upstreamTimeout(service: string): ApiError {
  return new ApiError(
    HttpStatus.SERVICE_UNAVAILABLE,
    'upstream_timeout',
    `The ${service} service did not answer in time; the request may or may not have been applied.`,
    { service },
  );
}

function conflict(code: string, message: string, details: Record<string, unknown> = {}): ApiError {
  return new ApiError(HttpStatus.CONFLICT, code, message, details);
}

function badField(path: string, message: string): ApiError {
  return invalidRequest([{ path, message: `${path} ${message}` }]);
}

function idempotencyKeyReused(what: string): ApiError {
  return conflict('idempotency_key_reused', `This Idempotency-Key was already used for a different ${what}.`);
}

const iso = (at: number) => new Date(at).toISOString();

export function accountsRefusalError(refusal: AccountsServiceRefusal): ApiError {
  switch (refusal.type) {
    case 'invalid':
      return invalidRequest(refusal.violations.map(fieldErrorOf));
    case 'invalid_cursor':
      return badField('cursor', 'is not a cursor this list handed out');
    case 'team_not_found':
      return teamNotFound();
    case 'account_not_found':
    case 'account_purged':
      return subAccountNotFound();
    case 'key_not_found':
      return new ApiError(
        HttpStatus.NOT_FOUND,
        'api_key_not_found',
        'No API key with this id exists for this sub-account.',
      );
    case 'message_not_found':
      return new ApiError(
        HttpStatus.NOT_FOUND,
        'message_not_found',
        'No message with this id was sent with your account.',
      );
    case 'external_id_taken':
      return conflict('external_id_taken', 'Another sub-account of your team already has this externalId.');
    case 'last_active_project':
      return conflict('last_active_project', "The team's last active project cannot be scheduled for deletion.");
    case 'account_pending_deletion':
      return conflict('account_pending_deletion', 'The sub-account is scheduled for deletion; restore it first.');
    case 'not_pending_deletion':
      return conflict('not_pending_deletion', 'The sub-account is not scheduled for deletion.');
    case 'deletion_window_closed':
      return conflict(
        'deletion_window_closed',
        'The deletion window has closed; the sub-account can no longer be restored.',
        { deleteAt: iso(refusal.deleteAt) },
      );
    case 'team_already_exists':
      return conflict('team_already_exists', 'A team with this id already exists.');
    case 'account_id_taken':
      return conflict('account_id_taken', 'An account with this id already exists.');
    case 'key_id_taken':
      return conflict('key_id_taken', 'An API key with this id already exists.');
    case 'purge_not_due':
      return conflict('purge_not_due', 'The account cannot be purged before its deletion date.', {
        deleteAt: iso(refusal.deleteAt),
      });
    case 'reminder_not_scheduled':
      return conflict('reminder_not_scheduled', 'No deletion reminder is scheduled for this day.', {
        day: refusal.day,
      });
    case 'reminder_not_due':
      return conflict('reminder_not_due', 'This deletion reminder is not due yet.', {
        day: refusal.day,
        dueAt: iso(refusal.dueAt),
      });
    case 'upstream_refused':
      return new ApiError(
        HttpStatus.BAD_GATEWAY,
        'upstream_refused',
        `The ${refusal.service} service refused a change the accounts service forwarded.`,
        { service: refusal.service, reason: refusal.reason },
      );
    default:
      return unmapped(refusal);
  }
}

export function ledgerRefusalError(refusal: LedgerRefusal): ApiError {
  switch (refusal.reason) {
    case 'team_not_found':
      return teamNotFound();
    case 'team_already_opened':
      return conflict('team_already_exists', 'A team with this id already exists.', { currency: refusal.currency });
    case 'invalid_currency':
      return badField('currency', 'must be a three-letter ISO 4217 currency code');
    case 'invalid_amount':
      return badField('amount', 'is not an amount the ledger accepts');
    case 'invalid_credit_limit':
      return badField('creditLimit', 'is not a credit limit the ledger accepts');
    case 'invalid_reason':
      return badField('reason', 'must not be blank');
    case 'balance_overflow':
      return conflict('balance_overflow', 'The balance cannot hold this amount.', {
        balance: balanceCents(refusal.balance),
      });
    case 'insufficient_balance':
      return insufficientBalance(refusal.balance, { amount: costCents(refusal.amount) });
    case 'top_up_id_reused':
      return idempotencyKeyReused('top-up');
    case 'adjustment_id_reused':
      return idempotencyKeyReused('adjustment');
    case 'charge_id_reused':
      return idempotencyKeyReused('message');
    case 'charge_not_found':
      return new ApiError(HttpStatus.NOT_FOUND, 'charge_not_found', 'No charge with this id exists.');
    case 'charge_not_refundable':
      return conflict('charge_not_refundable', 'A refused charge cannot be refunded.', {
        refusedFor: refusal.refusedFor,
      });
    default:
      return unmapped(refusal);
  }
}

export function chargeRefusalError(outcome: ChargeRefusedOutcome): ApiError {
  const cost = costCents(outcome.amount);
  switch (outcome.reason) {
    case 'account_inactive':
      return new ApiError(
        HttpStatus.FORBIDDEN,
        'account_inactive',
        'The account is inactive and cannot send messages.',
      );
    case 'credit_limit_exceeded':
      return new ApiError(
        HttpStatus.PAYMENT_REQUIRED,
        'credit_limit_exceeded',
        'This message would take the sub-account past its credit limit.',
        {
          creditLimit: outcome.creditLimit === null ? null : creditLimitCents(outcome.creditLimit),
          totalSpent: spentCents(outcome.totalSpent),
          cost,
        },
      );
    case 'insufficient_balance':
      return insufficientBalance(outcome.balance, { cost });
    default:
      return unmapped(outcome.reason);
  }
}

export function ledgerQueryRefusalError(refusal: LedgerQueryRefusal): ApiError {
  switch (refusal.type) {
    case 'team_not_found':
      return teamNotFound();
    case 'invalid_cursor':
      return badField('cursor', 'is not a cursor this list handed out');
    case 'invalid_query':
      return invalidRequest([{ path: 'query', message: refusal.message }]);
    default:
      return unmapped(refusal);
  }
}

/**
 * A command the ledger could not even decode. The gateway builds every command from a validated
 * request, so the field at fault is one the client sent: a 400, never a 5xx.
 */
export function ledgerCommandRefusalError(refusal: LedgerCommandRefusal): ApiError {
  switch (refusal.type) {
    case 'invalid_command':
      return invalidRequest([{ path: refusal.field ?? 'body', message: refusal.message }]);
    default:
      return unmapped(refusal.type);
  }
}

function insufficientBalance(balance: Micros, amount: Record<string, number>): ApiError {
  return new ApiError(
    HttpStatus.PAYMENT_REQUIRED,
    'insufficient_balance',
    'The team balance is too low for this amount.',
    {
      balance: balanceCents(balance),
      ...amount,
    },
  );
}

function unmapped(refusal: never): never {
  const text = JSON.stringify(refusal, (_key, value: unknown) =>
    typeof value === 'bigint' ? value.toString() : value,
  );
  throw new TypeError(`No HTTP mapping for refusal ${text}`);
}
