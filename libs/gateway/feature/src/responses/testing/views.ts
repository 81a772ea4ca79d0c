import type { AccountSpendView, AccountView, ApiKeyView, MessageView, TeamBalanceView } from '@subledger/contracts';

// Views as the services answer them, for mapper and handler tests.

export const CREATED_AT = Date.UTC(2026, 0, 1, 12, 30);

export function accountView(fields: Partial<AccountView> = {}): AccountView {
  return {
    id: 'proj_sub',
    teamId: 'team_1',
    kind: 'sub',
    name: 'Acme',
    externalId: null,
    status: 'active',
    creditLimit: null,
    metadata: null,
    createdAt: CREATED_AT,
    deleteAt: null,
    ...fields,
  };
}

export function spendView(fields: Partial<AccountSpendView> = {}): AccountSpendView {
  return { accountId: 'proj_sub', totalSpent: 0n, creditLimit: null, status: 'active', ...fields };
}

export function balanceView(fields: Partial<TeamBalanceView> = {}): TeamBalanceView {
  return { teamId: 'team_1', currency: 'usd', balance: 0n, accounts: [], ...fields };
}

export function apiKeyView(fields: Partial<ApiKeyView> = {}): ApiKeyView {
  return {
    id: 'key_1',
    accountId: 'proj_sub',
    name: 'Default',
    keyPrefix: 'sl_live_sub_',
    environment: 'live',
    permissions: [],
    createdAt: CREATED_AT,
    lastUsedAt: null,
    revokedAt: null,
    ...fields,
  };
}

export function messageView(fields: Partial<MessageView> = {}): MessageView {
  return {
    id: 'msg_1',
    teamId: 'team_1',
    accountId: 'proj_sub',
    to: '+14155550100',
    channel: 'sms',
    messageType: 'text',
    status: 'queued',
    text: 'Hello',
    subject: null,
    htmlBody: null,
    metadata: null,
    extra: null,
    cost: 7_900n,
    units: 1,
    isTest: false,
    chargeId: 'msg_1',
    refunded: false,
    errorCode: null,
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
    ...fields,
  };
}
