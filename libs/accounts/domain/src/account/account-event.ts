import { ACCOUNTS_SCHEMA_VERSION, AccountsSchemaVersion, EpochMs } from '@subledger/contracts';

/** The fields every account event starts with. */
interface AccountEventBase {
  schemaVersion: AccountsSchemaVersion;
  accountId: string;
  at: EpochMs;
}

export function eventBase(accountId: string, at: EpochMs): AccountEventBase {
  return { schemaVersion: ACCOUNTS_SCHEMA_VERSION, accountId, at };
}
