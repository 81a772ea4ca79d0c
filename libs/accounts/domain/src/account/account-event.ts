import { ACCOUNTS_SCHEMA_VERSION, AccountsSchemaVersion, EpochMs } from '@subledger/contracts';

/** The fields every account event starts with. */
export function eventBase(accountId: string, at: EpochMs): { schemaVersion: AccountsSchemaVersion; accountId: string; at: EpochMs } {
  return { schemaVersion: ACCOUNTS_SCHEMA_VERSION, accountId, at };
}
