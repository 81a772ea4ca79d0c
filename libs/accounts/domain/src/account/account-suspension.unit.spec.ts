import type { AccountCommand, AccountEvent, AccountsRefusal } from '@subledger/contracts';
import type { AccountsOutcome } from '../decision';
import { command, DAYS, event, keyCreated, subCreated, T0 } from '../testing/account-fixtures';
import { accountSpec, ACCEPTED, unchangedFor } from '../testing/account-spec';
import { replayAccount } from './account.evolve';

const created = subCreated();
const suspended = event('AccountSuspended', {}, T0 + 2);
const pending = event('DeletionScheduled', { deleteAt: DAYS(14), reminders: [], revokedKeyIds: [] }, T0 + 2);
const purged = event('AccountPurged', { teamId: 't', kind: 'sub', createdAt: T0 }, DAYS(14));
const suspend = command('SuspendAccount', {}, T0 + 3);
const resume = command('ResumeAccount', {}, T0 + 3);

describe('SuspendAccount and ResumeAccount', () => {
  it.each<[string, AccountEvent[], AccountCommand, AccountEvent[], AccountsOutcome]>([
    ['an active account, suspend', [created], suspend, [event('AccountSuspended', {}, T0 + 3)], ACCEPTED],
    ['a suspended account, suspend', [created, suspended], suspend, [], unchangedFor('already_inactive')],
    ['a suspended account, resume', [created, suspended], resume, [event('AccountResumed', {}, T0 + 3)], ACCEPTED],
    ['an active account, resume', [created], resume, [], unchangedFor('already_active')],
  ])('given %s', (_case, given, when, events, outcome) => {
    accountSpec.given(given).when(when).then(events, outcome);
  });

  it.each<[string, AccountEvent[], AccountCommand, AccountsRefusal]>([
    ['a deletion pending, suspend', [created, pending], suspend, { type: 'account_pending_deletion' }],
    ['a deletion pending, resume', [created, pending], resume, { type: 'account_pending_deletion' }],
    ['no account, suspend', [], suspend, { type: 'account_not_found' }],
    ['a purged account, resume', [purged], resume, { type: 'account_purged' }],
  ])('given %s', (_case, given, when, refusal) => {
    accountSpec.given(given).when(when).thenRefused(refusal);
  });

  it('then a suspended account is inactive and keeps its keys', () => {
    const state = replayAccount([created, keyCreated('k1'), suspended]);
    expect(state.status).toBe('inactive');
    expect(state).toMatchObject({ keys: new Map([['k1', expect.objectContaining({ revokedAt: null })]]) });
  });

  it('then a resumed account is active again', () => {
    expect(replayAccount([created, suspended, event('AccountResumed', {}, T0 + 3)]).status).toBe('active');
  });
});
