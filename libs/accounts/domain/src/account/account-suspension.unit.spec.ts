import type { AccountCommand, AccountEvent } from '@subledger/contracts';
import { command, DAYS, event, keyCreated, subCreated, T0 } from '../testing/account-fixtures';
import { decideAccount } from './account.decide';
import { replayAccount } from './account.evolve';

const created = subCreated();
const suspended = event('AccountSuspended', {}, T0 + 2);
const pending = event('DeletionScheduled', { deleteAt: DAYS(14), reminders: [], revokedKeyIds: [] }, T0 + 2);
const purged = event('AccountPurged', { teamId: 't', kind: 'sub', createdAt: T0 }, DAYS(14));
const suspend = command('SuspendAccount', {}, T0 + 3);
const resume = command('ResumeAccount', {}, T0 + 3);

describe('SuspendAccount and ResumeAccount', () => {
  it.each<[string, AccountEvent[], AccountCommand, object]>([
    ['an active account, suspend', [created], suspend, { type: 'accepted', events: [event('AccountSuspended', {}, T0 + 3)] }],
    ['a suspended account, suspend', [created, suspended], suspend, { type: 'unchanged', reason: 'already_inactive', events: [] }],
    ['a suspended account, resume', [created, suspended], resume, { type: 'accepted', events: [event('AccountResumed', {}, T0 + 3)] }],
    ['an active account, resume', [created], resume, { type: 'unchanged', reason: 'already_active', events: [] }],
    ['a deletion pending, suspend', [created, pending], suspend, { type: 'refused', refusal: { type: 'account_pending_deletion' }, events: [] }],
    ['a deletion pending, resume', [created, pending], resume, { type: 'refused', refusal: { type: 'account_pending_deletion' }, events: [] }],
    ['no account, suspend', [], suspend, { type: 'refused', refusal: { type: 'account_not_found' }, events: [] }],
    ['a purged account, resume', [purged], resume, { type: 'refused', refusal: { type: 'account_purged' }, events: [] }],
  ])('given %s', (_case, given, when, then) => {
    expect(decideAccount(when, replayAccount(given))).toEqual(then);
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
