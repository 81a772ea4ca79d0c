import type { AccountCommand } from './account.commands';
import type { AccountEvent } from './account.events';
import { accountCommandCodec, accountEventCodec } from './account.codec';

const v = { schemaVersion: 1 as const, accountId: 'acc-1', at: 1_700_000_000_000 };
const key = { keyId: 'key-1', name: 'server', environment: 'test' as const, prefix: 'sl_test_sub_', digest: 'ab' };

// Typed by `type`, so the compiler fails this file when an event or command type has no sample.
const events: { [K in AccountEvent['type']]: Extract<AccountEvent, { type: K }> } = {
  AccountCreated: {
    type: 'AccountCreated',
    ...v,
    teamId: 'team-1',
    kind: 'sub',
    name: 'Acme',
    externalId: 'cust-1',
    creditLimit: 12_345_670_000n,
    metadata: { plan: 'gold', seats: 3, trial: false, coupon: null },
  },
  AccountUpdated: { type: 'AccountUpdated', ...v, changes: { name: 'Acme 2', externalId: null, creditLimit: null } },
  AccountSuspended: { type: 'AccountSuspended', ...v },
  AccountResumed: { type: 'AccountResumed', ...v },
  AccountDeactivated: { type: 'AccountDeactivated', ...v, revokedKeyIds: ['key-1', 'key-2'] },
  DeletionScheduled: {
    type: 'DeletionScheduled',
    ...v,
    deleteAt: v.at + 14,
    reminders: [
      { day: 0, dueAt: v.at },
      { day: 14, dueAt: v.at + 14 },
    ],
    revokedKeyIds: [],
  },
  DeletionReminderRecorded: { type: 'DeletionReminderRecorded', ...v, day: 7 },
  AccountRestored: { type: 'AccountRestored', ...v },
  AccountPurged: { type: 'AccountPurged', ...v, teamId: 'team-1', kind: 'sub', createdAt: v.at - 1 },
  ApiKeyCreated: { type: 'ApiKeyCreated', ...v, ...key, permissions: ['messages:send'] },
  ApiKeyRevoked: { type: 'ApiKeyRevoked', ...v, keyId: 'key-1' },
};

const c = { accountId: 'acc-1', at: 1_700_000_000_000 };
const commands: { [K in AccountCommand['type']]: Extract<AccountCommand, { type: K }> } = {
  CreateAccount: {
    type: 'CreateAccount',
    ...c,
    teamId: 'team-1',
    kind: 'sub',
    name: 'Acme',
    externalId: null,
    creditLimit: null,
    metadata: null,
  },
  UpdateAccount: {
    type: 'UpdateAccount',
    ...c,
    changes: { metadata: { a: 'b' }, creditLimit: 10_000n, status: 'inactive' },
  },
  SuspendAccount: { type: 'SuspendAccount', ...c },
  ResumeAccount: { type: 'ResumeAccount', ...c },
  DeactivateAccount: { type: 'DeactivateAccount', ...c },
  ScheduleDeletion: { type: 'ScheduleDeletion', ...c, retentionMs: 86_400_000 },
  RecordDeletionReminder: { type: 'RecordDeletionReminder', ...c, day: 12 },
  RestoreAccount: { type: 'RestoreAccount', ...c },
  PurgeAccount: { type: 'PurgeAccount', ...c },
  CreateApiKey: { type: 'CreateApiKey', ...c, ...key, permissions: null },
  RevokeApiKey: { type: 'RevokeApiKey', ...c, keyId: 'key-1' },
};

const throughText = <T>(json: T): unknown => JSON.parse(JSON.stringify(json));

describe('account event codec', () => {
  it.each(Object.values(events))('round-trips $type through JSON text', (event) => {
    const text = JSON.stringify(accountEventCodec.encode(event));
    expect(accountEventCodec.decodeText(text)).toEqual({ ok: true, value: event });
  });

  it('writes micros as decimal strings and leaves absent optional fields out', () => {
    expect(accountEventCodec.encode(events.AccountCreated)).toMatchObject({ creditLimit: '12345670000' });
    expect(accountEventCodec.encode(events.AccountUpdated)).toEqual({
      type: 'AccountUpdated',
      ...v,
      changes: { name: 'Acme 2', externalId: null, creditLimit: null },
    });
  });

  it('decodes a ScheduleDeletion without retention as one without the field', () => {
    const { retentionMs: _retention, ...bare } = commands.ScheduleDeletion;
    expect(accountCommandCodec.decode(throughText(bare))).toEqual({ ok: true, value: bare });
    expect(Object.keys(accountCommandCodec.encode(bare))).not.toContain('retentionMs');
  });

  it('also reads an amount written as a safe-integer number, as the money library does', () => {
    const json = { ...accountEventCodec.encode(events.AccountCreated), creditLimit: 10_000 };
    expect(accountEventCodec.decode(json)).toEqual({
      ok: true,
      value: { ...events.AccountCreated, creditLimit: 10_000n },
    });
  });

  it('keeps a "__proto__" metadata key as an own property', () => {
    const json = JSON.parse(
      '{"type":"AccountUpdated","schemaVersion":1,"accountId":"a","at":1,"changes":{"metadata":{"__proto__":"x"}}}',
    ) as unknown;
    const result = accountEventCodec.decode(json);
    if (!result.ok || result.value.type !== 'AccountUpdated') throw new Error('expected an AccountUpdated');
    const metadata = result.value.changes.metadata ?? {};
    expect(Object.getPrototypeOf(metadata)).toBe(Object.prototype);
    expect(Object.keys(metadata)).toEqual(['__proto__']);
  });
});

describe('account event decoding refusals', () => {
  const created = accountEventCodec.encode(events.AccountCreated);
  const scheduled = accountEventCodec.encode(events.DeletionScheduled);
  const keyed = accountEventCodec.encode(events.ApiKeyCreated);
  // The message names the event's type, then the field and what it must be.
  const field = (path: string, problem: string) => ({
    ok: false,
    error: { reason: 'invalid_field', field: path, message: expect.stringMatching(`^[A-Za-z]+\\.${path} ${problem}$`) },
  });
  const notAnObject = { ok: false, error: { reason: 'not_an_object', message: 'a payload must be a JSON object' } };
  const unknownType = (received: string) => ({
    ok: false,
    error: { reason: 'unknown_type', field: 'type', message: `unknown type ${received}` },
  });
  const unsupported = (found: string) => ({
    ok: false,
    error: {
      reason: 'unsupported_schema_version',
      field: 'schemaVersion',
      message: `AccountCreated.schemaVersion ${found} is not 1`,
    },
  });

  it.each([
    ['null', null, notAnObject],
    ['an array', [created], notAnObject],
    ['a string', 'AccountCreated', notAnObject],
    ['no type', { ...created, type: undefined }, unknownType('undefined')],
    ['a numeric type', { ...created, type: 7 }, unknownType('7')],
    ['an unknown type', { ...created, type: 'AccountExploded' }, unknownType('"AccountExploded"')],
    ['a prototype key as type', { ...created, type: 'toString' }, unknownType('"toString"')],
    ['another schema version', { ...created, schemaVersion: 2 }, unsupported('2')],
    ['no schema version', { ...created, schemaVersion: undefined }, unsupported('undefined')],
    ['a missing field', { ...created, accountId: undefined }, field('accountId', 'must be a string')],
    ['an unknown field', { ...created, plan: 'gold' }, field('plan', 'is not a known field')],
    ['a negative time', { ...created, at: -1 }, field('at', 'must be epoch milliseconds')],
    ['a fractional time', { ...created, at: 1.5 }, field('at', 'must be epoch milliseconds')],
    ['a time as text', { ...created, at: '1700000000000' }, field('at', 'must be epoch milliseconds')],
    [
      'a fractional amount',
      { ...created, creditLimit: '1.5' },
      field('creditLimit', 'must be non-negative micros as a decimal string'),
    ],
    [
      'a negative amount',
      { ...created, creditLimit: '-10000' },
      field('creditLimit', 'must be non-negative micros as a decimal string'),
    ],
    [
      'an exponent amount',
      { ...created, creditLimit: '1e4' },
      field('creditLimit', 'must be non-negative micros as a decimal string'),
    ],
    ['an unknown kind', { ...created, kind: 'admin' }, field('kind', 'must be one of main, sub')],
    [
      'a nested object in metadata',
      { ...created, metadata: { address: { city: 'Lima' } } },
      field('metadata.address', 'must be a string, number, boolean or null'),
    ],
    [
      'a list in metadata',
      { ...created, metadata: { tags: ['a'] } },
      field('metadata.tags', 'must be a string, number, boolean or null'),
    ],
    ['metadata as a list', { ...created, metadata: ['a'] }, field('metadata', 'must be an object of scalars')],
    [
      'a bad nested change',
      { ...accountEventCodec.encode(events.AccountUpdated), changes: { name: 5 } },
      field('changes.name', 'must be a string'),
    ],
    [
      'an unknown nested change',
      { ...accountEventCodec.encode(events.AccountUpdated), changes: { status: 'active' } },
      field('changes.status', 'is not a known field'),
    ],
    [
      'a bad reminder',
      { ...scheduled, reminders: [{ day: 0, dueAt: 'soon' }] },
      field('reminders.0.dueAt', 'must be epoch milliseconds'),
    ],
    ['key ids not in a list', { ...scheduled, revokedKeyIds: 'key-1' }, field('revokedKeyIds', 'must be an array')],
    ['a bad permission', { ...keyed, permissions: ['send', 1] }, field('permissions.1', 'must be a string')],
    ['an unknown environment', { ...keyed, environment: 'prod' }, field('environment', 'must be one of live, test')],
  ])('refuses %s', (_case, json, expected) => {
    expect(accountEventCodec.decode(throughText(json))).toEqual(expected);
  });

  it('refuses malformed JSON text without throwing', () => {
    expect(accountEventCodec.decodeText('{"type":')).toEqual({
      ok: false,
      error: { reason: 'invalid_json', message: 'the payload is not valid JSON' },
    });
  });
});

describe('account command codec', () => {
  it.each(Object.values(commands))('round-trips $type through JSON text', (command) => {
    const text = JSON.stringify(accountCommandCodec.encode(command));
    expect(accountCommandCodec.decodeText(text)).toEqual({ ok: true, value: command });
  });

  it('refuses an unknown command and a status outside the PATCH set', () => {
    expect(accountCommandCodec.decode({ type: 'DropTeam' })).toEqual({
      ok: false,
      error: { reason: 'unknown_type', field: 'type', message: 'unknown type "DropTeam"' },
    });
    const update = { ...accountCommandCodec.encode(commands.UpdateAccount), changes: { status: 'pending_deletion' } };
    expect(accountCommandCodec.decode(update)).toEqual({
      ok: false,
      error: {
        reason: 'invalid_field',
        field: 'changes.status',
        message: 'UpdateAccount.changes.status must be one of active, inactive',
      },
    });
  });

  it('refuses an event where a command is expected', () => {
    const event = accountEventCodec.encode(events.AccountSuspended);
    expect(accountCommandCodec.decode(event)).toEqual({
      ok: false,
      error: { reason: 'unknown_type', field: 'type', message: 'unknown type "AccountSuspended"' },
    });
  });
});
