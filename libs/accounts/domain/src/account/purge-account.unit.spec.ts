import type { AccountCommand, AccountEvent, AccountsRefusal } from '@subledger/contracts';
import type { AccountsOutcome } from '../decision';
import { command, createKey, createSub, DAYS, event, subCreated, TEAM_ID, T0 } from '../testing/account-fixtures';
import { ACCEPTED, accountSpec, unchangedFor } from '../testing/account-spec';
import { replayAccount } from './account.evolve';
import { reminderSchedule } from './deletion-reminders';
import { isPurgeDue } from './purge-account';

const created = subCreated();
const scheduled = event('DeletionScheduled', {
  deleteAt: DAYS(14),
  reminders: reminderSchedule(T0, DAYS(14)),
  revokedKeyIds: [],
});
const purged = event('AccountPurged', { teamId: TEAM_ID, kind: 'sub', createdAt: T0 }, DAYS(14));
const purge = (at: number) => command('PurgeAccount', {}, at);

describe('PurgeAccount', () => {
  it.each<[string, AccountEvent[], number, AccountEvent[], AccountsOutcome]>([
    ['at deleteAt', [created, scheduled], DAYS(14), [purged], ACCEPTED],
    ['after deleteAt', [created, scheduled], DAYS(30), [{ ...purged, at: DAYS(30) }], ACCEPTED],
    ['an account already purged', [created, scheduled, purged], DAYS(15), [], unchangedFor('already_purged')],
  ])('given %s', (_case, given, at, events, outcome) => {
    accountSpec.given(given).when(purge(at)).then(events, outcome);
  });

  it.each<[string, AccountEvent[], number, AccountsRefusal]>([
    ['before deleteAt', [created, scheduled], DAYS(14) - 1, { type: 'purge_not_due', deleteAt: DAYS(14) }],
    ['an account not pending deletion', [created], DAYS(30), { type: 'not_pending_deletion' }],
    ['no account', [], DAYS(14), { type: 'account_not_found' }],
  ])('given %s', (_case, given, at, refusal) => {
    accountSpec.given(given).when(purge(at)).thenRefused(refusal);
  });

  it('records no personal data in the tombstone', () => {
    expect(Object.keys(purged).sort()).toEqual([
      'accountId',
      'at',
      'createdAt',
      'kind',
      'schemaVersion',
      'teamId',
      'type',
    ]);
  });

  it('then the account holds no personal data and no keys', () => {
    expect(replayAccount([created, scheduled, purged])).toEqual({
      status: 'purged',
      accountId: 'acc-sub',
      teamId: TEAM_ID,
      kind: 'sub',
      createdAt: T0,
      purgedAt: DAYS(14),
    });
  });

  it.each<AccountCommand>([
    createSub(),
    command('UpdateAccount', { changes: { name: 'Back' } }),
    command('SuspendAccount', {}),
    command('ResumeAccount', {}),
    command('DeactivateAccount', {}),
    command('ScheduleDeletion', {}),
    command('RecordDeletionReminder', { day: 14 }),
    command('RestoreAccount', {}),
    createKey('k9'),
    command('RevokeApiKey', { keyId: 'k1' }),
  ])('then $type is refused', (when) => {
    const refusal = when.type === 'CreateAccount' ? 'account_id_taken' : 'account_purged';
    accountSpec.given([purged]).when(when).thenRefused({ type: refusal });
  });

  it('is due at deleteAt, only while the deletion is pending', () => {
    expect(isPurgeDue(replayAccount([created, scheduled]), DAYS(14) - 1)).toBe(false);
    expect(isPurgeDue(replayAccount([created, scheduled]), DAYS(14))).toBe(true);
    expect(isPurgeDue(replayAccount([created, scheduled, purged]), DAYS(20))).toBe(false);
    expect(isPurgeDue(replayAccount([created]), DAYS(20))).toBe(false);
  });
});
