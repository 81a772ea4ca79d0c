import type { AccountsCommandRequest, NewApiKey, NewMessage } from '@subledger/contracts';
import { createHash, randomUUID } from 'node:crypto';
import type { AccountsTestKit } from './accounts-test-kit';

export const CENT = 10_000n;

type Command<T extends AccountsCommandRequest['type']> = Extract<AccountsCommandRequest, { type: T }>;

/** A key as the gateway makes one: a fresh random secret, of which only the digest and prefix travel. */
export function newKey(overrides: Partial<NewApiKey> = {}): NewApiKey & { secret: string } {
  const environment = overrides.environment ?? 'live';
  const secret = `sl_${environment}_sub_${randomUUID().replace(/-/g, '')}`;
  return {
    keyId: `key_${randomUUID()}`,
    name: 'Server key',
    environment,
    permissions: [],
    prefix: secret.slice(0, 12),
    digest: createHash('sha256').update(secret).digest('hex'),
    secret,
    ...overrides,
  };
}

export function createTeam(at: number, overrides: Partial<Command<'CreateTeam'>> = {}): Command<'CreateTeam'> {
  return {
    type: 'CreateTeam',
    teamId: `team_${randomUUID()}`,
    name: 'Acme Messaging',
    currency: 'usd',
    mainAccountId: `acc_${randomUUID()}`,
    mainKey: newKey({ name: 'Main key' }),
    at,
    ...overrides,
  };
}

export function createSubAccount(
  teamId: string,
  at: number,
  overrides: Partial<Command<'CreateSubAccount'>> = {},
): Command<'CreateSubAccount'> {
  return {
    type: 'CreateSubAccount',
    teamId,
    accountId: `acc_${randomUUID()}`,
    name: 'Customer One',
    externalId: null,
    creditLimit: null,
    metadata: null,
    key: newKey(),
    at,
    ...overrides,
  };
}

/** A new team with one sub-account, both created through the kit; answers the two commands as sent. */
export async function teamWithSubAccount(kit: AccountsTestKit, overrides: Partial<Command<'CreateSubAccount'>> = {}) {
  const team = createTeam(kit.clock.now());
  await kit.ok(team);
  const sub = createSubAccount(team.teamId, kit.clock.now(), overrides);
  await kit.ok(sub);
  return { team, sub };
}

export function newMessage(accountId: string, overrides: Partial<NewMessage> = {}): NewMessage {
  return {
    id: `msg_${randomUUID()}`,
    accountId,
    to: '+14155550100',
    channel: 'sms',
    messageType: 'text',
    text: 'Your code is 123456',
    subject: null,
    htmlBody: null,
    metadata: { orderId: 'ord-1' },
    extra: { replyStickiness: true },
    cost: 7_500n,
    units: 1,
    isTest: false,
    chargeId: `chg_${randomUUID()}`,
    ...overrides,
  };
}
