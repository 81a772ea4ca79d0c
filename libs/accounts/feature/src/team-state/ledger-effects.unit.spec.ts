import { initialAccountState, initialTeamDirectoryState } from '@subledger/accounts-domain';
import type { AccountCommand, LedgerOutcome } from '@subledger/contracts';
import type { AppendResult } from '@subledger/event-store';
import type { TeamAccounts } from './team-accounts';
import { TeamChange } from './team-change';
import { ledgerEffectsOf } from './ledger-effects';

const at = 1_700_000_000_000;
const CENT = 10_000n;
const teamId = 'team-1';
const sub = 'acc-sub';

/** A team built command by command in memory, each change committed with made-up versions. */
class World {
  team: TeamAccounts = {
    teamId,
    directory: { state: initialTeamDirectoryState(), version: 'no_stream' },
    accounts: new Map(),
  };

  begin(): TeamChange {
    return new TeamChange(
      this.team,
      async (owner, accountId) =>
        owner.accounts.get(accountId) ?? { state: initialAccountState(), version: 'no_stream' },
    );
  }

  commit(change: TeamChange): void {
    const results: AppendResult[] = change.appends().map(() => ({ nextExpectedVersion: 5n, lastGlobalPosition: 1n }));
    this.team = change.committed(results);
  }

  async send(command: AccountCommand) {
    const change = this.begin();
    await change.decide(command);
    const effects = ledgerEffectsOf(change, command.at).map((effect) => effect.command);
    this.commit(change);
    return effects;
  }
}

async function teamWithSub(creditLimit: bigint | null = 20n * CENT): Promise<World> {
  const world = new World();
  const change = world.begin();
  await change.createTeam({ type: 'CreateTeam', teamId, name: 'Team', currency: 'usd', mainAccountId: 'acc-main', at });
  world.commit(change);
  await world.send({
    type: 'CreateAccount',
    accountId: sub,
    teamId,
    kind: 'sub',
    name: 'Sub',
    externalId: null,
    creditLimit,
    metadata: null,
    at,
  });
  return world;
}

const policy = (creditLimit: bigint | null, status: 'active' | 'inactive', when = at) => [
  { type: 'SetSpendPolicy', teamId, accountId: sub, creditLimit, status, at: when },
];

describe('the ledger commands a change implies', () => {
  it('opens a new team in its currency, and accepts an already opened one in the same currency only', async () => {
    const change = new World().begin();
    await change.createTeam({
      type: 'CreateTeam',
      teamId,
      name: 'Team',
      currency: 'EUR',
      mainAccountId: 'acc-main',
      at,
    });
    const [open] = ledgerEffectsOf(change, at);

    expect(open.command).toEqual({ type: 'OpenTeam', teamId, currency: 'eur', at });
    const opened: LedgerOutcome = { type: 'team_opened', teamId, currency: 'eur', replayed: false };
    const already = (currency: 'eur' | 'usd'): LedgerOutcome => ({
      type: 'refused',
      refusal: { reason: 'team_already_opened', teamId, currency },
    });
    expect([opened, already('eur'), already('usd')].map(open.accepts)).toEqual([true, true, false]);
  });

  it('sets the policy of a sub-account created with a limit, and of none created without', async () => {
    const world = new World();
    const change = world.begin();
    await change.createTeam({
      type: 'CreateTeam',
      teamId,
      name: 'Team',
      currency: 'usd',
      mainAccountId: 'acc-main',
      at,
    });
    world.commit(change);
    const create = {
      type: 'CreateAccount',
      teamId,
      kind: 'sub',
      name: 'Sub',
      externalId: null,
      metadata: null,
      at,
    } as const;

    expect(await world.send({ ...create, accountId: sub, creditLimit: 20n * CENT })).toEqual(
      policy(20n * CENT, 'active'),
    );
    expect(await world.send({ ...create, accountId: 'acc-free', creditLimit: null })).toEqual([]);
  });

  it.each<[string, AccountCommand, object[]]>([
    [
      'a new limit',
      { type: 'UpdateAccount', accountId: sub, changes: { creditLimit: 30n * CENT }, at },
      policy(30n * CENT, 'active'),
    ],
    [
      'the limit removed',
      { type: 'UpdateAccount', accountId: sub, changes: { creditLimit: null }, at },
      policy(null, 'active'),
    ],
    ['a rename only', { type: 'UpdateAccount', accountId: sub, changes: { name: 'New' }, at }, []],
    [
      'a suspension',
      { type: 'UpdateAccount', accountId: sub, changes: { status: 'inactive' }, at },
      policy(20n * CENT, 'inactive'),
    ],
    ['a deactivation', { type: 'DeactivateAccount', accountId: sub, at }, policy(20n * CENT, 'inactive')],
    ['a scheduled deletion', { type: 'ScheduleDeletion', accountId: sub, at }, policy(20n * CENT, 'inactive')],
    [
      'a new key',
      {
        type: 'CreateApiKey',
        accountId: sub,
        keyId: 'k',
        name: 'k',
        environment: 'live',
        permissions: null,
        prefix: 'sl_live_sub_',
        digest: 'd',
        at,
      },
      [],
    ],
  ])('sends the policy after %s', async (_case, command, expected) => {
    expect(await (await teamWithSub()).send(command)).toEqual(expected);
  });

  it('sends active again on a restore, and nothing on the purge of an account already inactive', async () => {
    const world = await teamWithSub();
    await world.send({ type: 'ScheduleDeletion', accountId: sub, at });
    expect(await world.send({ type: 'RestoreAccount', accountId: sub, at: at + 1 })).toEqual(
      policy(20n * CENT, 'active', at + 1),
    );
    await world.send({ type: 'ScheduleDeletion', accountId: sub, retentionMs: 10, at: at + 2 });
    expect(await world.send({ type: 'PurgeAccount', accountId: sub, at: at + 20 })).toEqual([]);
  });
});
