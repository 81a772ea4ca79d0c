import type { AccountDetailsChanges, AccountEvent, AccountMetadata, UpdateAccount } from '@subledger/contracts';
import { ok } from '@subledger/kernel';
import { refused } from '@subledger/kernel';
import { accepted, AccountsDecision, invalid, unchanged } from '../decision';
import { validateMetadata } from '../values/account-metadata.value-object';
import { validateName } from '../values/account-name.value-object';
import { validateCreditLimitOf } from '../values/credit-limit.value-object';
import { validateExternalId } from '../values/external-id.value-object';
import { Validated, validateAll, violation } from '../values/validated';
import { eventBase } from './account-event';
import { statusChange } from './account-suspension';
import { AccountState, isLive, LiveAccount, notLiveRefusal } from './account.state';

/**
 * PATCH semantics: absent fields stay, `null` clears, metadata is replaced whole. Only the fields
 * that really change go into the event. An account pending deletion must be restored first.
 */
export function updateAccount(command: UpdateAccount, state: AccountState): AccountsDecision<AccountEvent> {
  if (!isLive(state)) return refused(notLiveRefusal(state));
  if (state.status === 'pending_deletion') return refused({ type: 'account_pending_deletion' });
  const { changes, at } = command;
  const checked = validateAll({
    name: ifPresent(changes.name, (value) => validateName(value)),
    externalId: ifPresent(changes.externalId, (value) => validateExternalId(value)),
    creditLimit: ifPresent(changes.creditLimit, (value) => validateCreditLimitOf(state.kind, value)),
    metadata: ifPresent(changes.metadata, (value) => validateMetadata(value)),
    status: ifPresent(changes.status, validateRequestedStatus),
  });
  if (!checked.ok) return invalid(checked.error);
  const events: AccountEvent[] = [];
  const details = changedDetails(state, checked.value);
  if (Object.keys(details).length > 0) {
    events.push({ type: 'AccountUpdated', ...eventBase(state.accountId, at), changes: details });
  }
  const status = checked.value.status && statusChange(state, checked.value.status, at);
  if (status) events.push(status);
  return events.length > 0 ? accepted(...events) : unchanged('no_changes');
}

function ifPresent<T>(value: unknown, validate: (value: unknown) => Validated<T>): Validated<T | undefined> {
  return value === undefined ? ok(undefined) : validate(value);
}

function validateRequestedStatus(value: unknown): Validated<'active' | 'inactive'> {
  return value === 'active' || value === 'inactive' ? ok(value) : violation('status', 'not_allowed');
}

function changedDetails(account: LiveAccount, wanted: AccountDetailsChanges): AccountDetailsChanges {
  const { name, externalId, creditLimit, metadata } = wanted;
  return {
    ...(name !== undefined && name !== account.name ? { name } : {}),
    ...(externalId !== undefined && externalId !== account.externalId ? { externalId } : {}),
    ...(creditLimit !== undefined && creditLimit !== account.creditLimit ? { creditLimit } : {}),
    ...(metadata !== undefined && !sameMetadata(metadata, account.metadata) ? { metadata } : {}),
  };
}

function sameMetadata(left: AccountMetadata | null, right: AccountMetadata | null): boolean {
  if (left === null || right === null) return left === right;
  const keys = Object.keys(left);
  const sameValue = (key: string) => Object.hasOwn(right, key) && left[key] === right[key];
  return keys.length === Object.keys(right).length && keys.every(sameValue);
}
