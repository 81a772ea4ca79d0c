import {
  ACCOUNTS_SCHEMA_VERSION,
  AccountCommand,
  AccountEvent,
  ApiKeyCreated,
  CreateAccount,
  CreateApiKey,
  TeamDirectoryEvent,
} from '@subledger/contracts';
import { DAY_MS } from '../values/deletion-retention.value-object';

/** Test data shared by the accounts domain specs; times are fixed epoch milliseconds. */
export const T0 = 1_700_000_000_000;
export const TEAM_ID = 'team-1';
export const MAIN_ID = 'acc-main';
export const SUB_ID = 'acc-sub';
export const CENT = 10_000n;
export const DAYS = (days: number) => T0 + days * DAY_MS;

const base = (accountId = SUB_ID, at = T0) => ({ schemaVersion: ACCOUNTS_SCHEMA_VERSION, accountId, at });

export function createSub(overrides: Partial<CreateAccount> = {}): CreateAccount {
  return {
    type: 'CreateAccount',
    accountId: SUB_ID,
    teamId: TEAM_ID,
    kind: 'sub',
    name: 'Acme',
    externalId: 'cust-1',
    creditLimit: 500n * CENT,
    metadata: { plan: 'gold' },
    at: T0,
    ...overrides,
  };
}

export function subCreated(overrides: Partial<Omit<CreateAccount, 'type'>> = {}): AccountEvent {
  const { type: _type, ...command } = createSub(overrides);
  return { type: 'AccountCreated', ...command, schemaVersion: ACCOUNTS_SCHEMA_VERSION };
}

export function createKey(keyId: string, overrides: Partial<CreateApiKey> = {}): CreateApiKey {
  return {
    type: 'CreateApiKey',
    accountId: SUB_ID,
    keyId,
    name: `key ${keyId}`,
    environment: 'live',
    permissions: null,
    prefix: 'sl_live_sub_',
    digest: `digest-${keyId}`,
    at: T0 + 1,
    ...overrides,
  };
}

export function keyCreated(keyId: string, at = T0 + 1): ApiKeyCreated {
  const { type: _type, ...command } = createKey(keyId, { at });
  return { type: 'ApiKeyCreated', ...command, schemaVersion: ACCOUNTS_SCHEMA_VERSION };
}

export function event<T extends AccountEvent['type']>(
  type: T,
  fields: Omit<Extract<AccountEvent, { type: T }>, 'type' | 'schemaVersion' | 'accountId' | 'at'>,
  at = T0,
  accountId = SUB_ID,
): AccountEvent {
  return { type, ...base(accountId, at), ...fields } as AccountEvent;
}

export function command<T extends AccountCommand['type']>(
  type: T,
  fields: Omit<Extract<AccountCommand, { type: T }>, 'type' | 'accountId' | 'at'>,
  at = T0,
  accountId = SUB_ID,
): AccountCommand {
  return { type, accountId, at, ...fields } as AccountCommand;
}

export function teamEvent<T extends TeamDirectoryEvent['type']>(
  type: T,
  fields: Omit<Extract<TeamDirectoryEvent, { type: T }>, 'type' | 'schemaVersion' | 'at'>,
  at = T0,
): TeamDirectoryEvent {
  return { type, schemaVersion: ACCOUNTS_SCHEMA_VERSION, at, ...fields } as unknown as TeamDirectoryEvent;
}

export const teamCreated = (at = T0): TeamDirectoryEvent =>
  teamEvent('TeamCreated', { teamId: TEAM_ID, name: 'Team', currency: 'usd', mainAccountId: MAIN_ID }, at);
