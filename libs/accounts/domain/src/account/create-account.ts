import type { AccountEvent, CreateAccount } from '@subledger/contracts';
import { refused } from '@subledger/kernel';
import { accepted, AccountsDecision, invalid } from '../decision';
import { validateMetadata } from '../values/account-metadata.value-object';
import { validateName } from '../values/account-name.value-object';
import { validateCreditLimitOf } from '../values/credit-limit.value-object';
import { validateExternalId } from '../values/external-id.value-object';
import { validateAll } from '../values/validated';
import { eventBase } from './account-event';
import { AccountState } from './account.state';

export function createAccount(command: CreateAccount, state: AccountState): AccountsDecision<AccountEvent> {
  const checked = validateAll({
    name: validateName(command.name),
    externalId: validateExternalId(command.externalId),
    creditLimit: validateCreditLimitOf(command.kind, command.creditLimit),
    metadata: validateMetadata(command.metadata),
  });
  if (!checked.ok) return invalid(checked.error);
  if (state.status !== 'missing') return refused({ type: 'account_id_taken' });
  const { accountId, teamId, kind, at } = command;
  return accepted({ type: 'AccountCreated', ...eventBase(accountId, at), teamId, kind, ...checked.value });
}
