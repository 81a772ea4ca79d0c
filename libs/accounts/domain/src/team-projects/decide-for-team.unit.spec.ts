import type { AccountCommand, CreateTeam } from '@subledger/contracts';
import {
  CENT,
  command,
  createKey,
  createSub,
  DAYS,
  event,
  MAIN_ID,
  subCreated,
  T0,
  TEAM_ID,
  teamEvent,
} from '../testing/account-fixtures';
import { ProjectWorld } from '../testing/project-world';
import { replayAccount } from '../account/account.evolve';

const createTeam: CreateTeam = {
  type: 'CreateTeam',
  teamId: TEAM_ID,
  name: 'Team',
  currency: 'usd',
  mainAccountId: MAIN_ID,
  at: T0,
};
const refusedWith = (type: string) => ({
  teamEvents: [],
  accountEvents: [],
  outcome: { type: 'refused', refusal: { type } },
});

function teamWithSub(): ProjectWorld {
  const world = new ProjectWorld();
  world.createTeam(createTeam);
  world.send(createSub());
  return world;
}

describe('createTeamWithMainAccount', () => {
  it('creates the team and its one main account, named like the team, without a limit', () => {
    expect(new ProjectWorld().createTeam(createTeam)).toEqual({
      teamEvents: [
        teamEvent('TeamCreated', { teamId: TEAM_ID, name: 'Team', currency: 'usd', mainAccountId: MAIN_ID }),
      ],
      accountEvents: [
        subCreated({
          accountId: MAIN_ID,
          kind: 'main',
          name: 'Team',
          externalId: null,
          creditLimit: null,
          metadata: null,
        }),
      ],
      outcome: { type: 'accepted' },
    });
  });

  it('refuses a team that exists', () => {
    const world = new ProjectWorld();
    world.createTeam(createTeam);
    expect(world.createTeam(createTeam)).toEqual(refusedWith('team_already_exists'));
  });

  it('refuses a main account id already in use', () => {
    const world = new ProjectWorld();
    world.accounts.set(MAIN_ID, replayAccount([subCreated({ accountId: MAIN_ID })]));
    expect(world.createTeam(createTeam)).toEqual(refusedWith('account_id_taken'));
  });
});

describe('decideForTeam: creating a sub-account', () => {
  it('reserves the id and external id in the team and creates the account', () => {
    const world = new ProjectWorld();
    world.createTeam(createTeam);
    expect(world.send(createSub())).toEqual({
      teamEvents: [teamEvent('SubAccountRegistered', { accountId: 'acc-sub', externalId: 'cust-1' })],
      accountEvents: [subCreated()],
      outcome: { type: 'accepted' },
    });
  });

  it.each<[string, AccountCommand, object]>([
    [
      'an external id taken by another sub-account',
      createSub({ accountId: 'acc-2' }),
      refusedWith('external_id_taken'),
    ],
    [
      'a main account',
      createSub({ accountId: 'acc-2', kind: 'main', externalId: null }),
      {
        teamEvents: [],
        accountEvents: [],
        outcome: {
          type: 'refused',
          refusal: { type: 'invalid', violations: [{ field: 'kind', reason: 'not_allowed' }] },
        },
      },
    ],
    [
      'another team',
      createSub({ accountId: 'acc-2', teamId: 'team-2', externalId: null }),
      refusedWith('team_not_found'),
    ],
  ])('refuses %s', (_case, when, then) => {
    expect(teamWithSub().send(when)).toEqual(then);
  });

  it('reports invalid fields before a taken external id', () => {
    expect(teamWithSub().send(createSub({ accountId: 'acc-2', name: '' }))).toMatchObject({
      outcome: { type: 'refused', refusal: { type: 'invalid', violations: [{ field: 'name', reason: 'empty' }] } },
    });
  });

  it('refuses when the team does not exist', () => {
    expect(new ProjectWorld().send(createSub())).toEqual(refusedWith('team_not_found'));
  });
});

describe('decideForTeam: changing a sub-account', () => {
  it('moves the external id in the team when it changes', () => {
    const when = command('UpdateAccount', { changes: { externalId: 'cust-9', name: 'Acme 9' } }, T0 + 1);
    expect(teamWithSub().send(when)).toEqual({
      teamEvents: [teamEvent('ExternalIdChanged', { accountId: 'acc-sub', externalId: 'cust-9' }, T0 + 1)],
      accountEvents: [event('AccountUpdated', { changes: { name: 'Acme 9', externalId: 'cust-9' } }, T0 + 1)],
      outcome: { type: 'accepted' },
    });
  });

  it('refuses an external id another sub-account holds', () => {
    const world = teamWithSub();
    world.send(createSub({ accountId: 'acc-2', externalId: 'cust-2' }));
    expect(world.send(command('UpdateAccount', { changes: { externalId: 'cust-1' } }, T0, 'acc-2'))).toEqual(
      refusedWith('external_id_taken'),
    );
  });

  it('touches only the account for a change the team does not track', () => {
    expect(teamWithSub().send(command('UpdateAccount', { changes: { creditLimit: 9n * CENT } }))).toMatchObject({
      teamEvents: [],
      accountEvents: [{ type: 'AccountUpdated' }],
      outcome: { type: 'accepted' },
    });
    expect(teamWithSub().send(createKey('k1'))).toMatchObject({
      outcome: { type: 'accepted' },
      teamEvents: [],
      accountEvents: [{ type: 'ApiKeyCreated' }],
    });
  });

  it.each<[string, AccountCommand, string]>([
    ['suspend', command('SuspendAccount', {}), 'inactive'],
    ['PATCH status inactive', command('UpdateAccount', { changes: { status: 'inactive' } }), 'inactive'],
    ['deactivate', command('DeactivateAccount', {}), 'inactive'],
    ['schedule deletion', command('ScheduleDeletion', {}), 'pending_deletion'],
  ])('mirrors the status in the team on %s', (_case, when, status) => {
    const decision = teamWithSub().send(when);
    expect(decision).toMatchObject({
      outcome: { type: 'accepted' },
      teamEvents: [{ type: 'ProjectStatusChanged', accountId: 'acc-sub', status }],
    });
  });

  it('passes an unchanged outcome through', () => {
    const world = teamWithSub();
    world.send(command('SuspendAccount', {}));
    expect(world.send(command('SuspendAccount', {}))).toEqual({
      teamEvents: [],
      accountEvents: [],
      outcome: { type: 'unchanged', reason: 'already_inactive' },
    });
  });

  it('answers account_not_found for an account of another team', () => {
    const world = teamWithSub();
    world.accounts.set('foreign', replayAccount([subCreated({ accountId: 'foreign', teamId: 'team-2' })]));
    expect(world.send(command('SuspendAccount', {}, T0, 'foreign'))).toEqual(refusedWith('account_not_found'));
  });
});

describe('decideForTeam: deletion', () => {
  it('refuses to schedule the last active project, naming last_active_project', () => {
    const world = teamWithSub();
    world.send(command('SuspendAccount', {}, T0, MAIN_ID));
    expect(world.send(command('ScheduleDeletion', {}))).toEqual(refusedWith('last_active_project'));
    expect(world.account('acc-sub').status).toBe('active');
  });

  it('restores into the team as active, and a purge frees the external id', () => {
    const world = teamWithSub();
    world.send(command('ScheduleDeletion', {}));
    expect(world.send(command('RestoreAccount', {}, DAYS(2)))).toMatchObject({
      teamEvents: [{ type: 'ProjectStatusChanged', status: 'active' }],
    });
    world.send(command('ScheduleDeletion', {}, DAYS(3)));
    expect(world.send(command('PurgeAccount', {}, DAYS(17)))).toMatchObject({
      teamEvents: [{ type: 'ProjectPurged', accountId: 'acc-sub' }],
      accountEvents: [{ type: 'AccountPurged' }],
      outcome: { type: 'accepted' },
    });
    expect(world.send(createSub({ accountId: 'acc-2', at: DAYS(18) }))).toMatchObject({
      outcome: { type: 'accepted' },
    });
  });
});
