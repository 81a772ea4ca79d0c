import { Topics } from '@subledger/contracts';
import { createSubAccount, createTeam, newKey } from '../../testing/accounts-fixtures';
import { BACKENDS } from '../../testing/test-backends';
import { useAccountsKit } from '../../testing/use-accounts-kit';

describe.each(BACKENDS)('creating a team (%s)', (_backend, open) => {
  const kit = useAccountsKit(open);

  it('creates the team, its main account and the main key, and answers what a query then reads', async () => {
    const command = createTeam(kit().clock.now(), { currency: 'USD' });
    const created = await kit().ok(command);

    expect(created.team).toEqual({
      id: command.teamId,
      name: 'Acme Messaging',
      currency: 'usd',
      mainAccountId: command.mainAccountId,
      createdAt: command.at,
    });
    expect(created.mainAccount).toEqual({
      id: command.mainAccountId,
      teamId: command.teamId,
      kind: 'main',
      name: 'Acme Messaging',
      externalId: null,
      status: 'active',
      creditLimit: null,
      metadata: null,
      createdAt: command.at,
      deleteAt: null,
    });
    expect(created.apiKey).toEqual({
      id: command.mainKey.keyId,
      accountId: command.mainAccountId,
      name: 'Main key',
      keyPrefix: command.mainKey.prefix,
      environment: 'live',
      permissions: [],
      createdAt: command.at,
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(await kit().read({ type: 'GetTeam', teamId: command.teamId })).toEqual({
      team: created.team,
      accounts: [created.mainAccount],
    });
  });

  it('opens the team at the ledger, in its currency, before it answers and before it commits', async () => {
    const command = createTeam(kit().clock.now(), { currency: 'EUR' });
    let teamRowsWhenAsked: number | undefined;
    kit().ledger.before = async () => {
      const { rows } = await kit().store.sql.query(
        `SELECT 1 FROM ${kit().store.quotedSchema}.accounts_teams WHERE id = $1`,
        [command.teamId],
      );
      teamRowsWhenAsked = rows.length;
    };
    await kit().ok(command);
    kit().ledger.before = async () => undefined;

    expect(
      kit()
        .ledger.of('OpenTeam')
        .filter((open) => open.teamId === command.teamId),
    ).toEqual([{ type: 'OpenTeam', teamId: command.teamId, currency: 'eur', at: command.at }]);
    expect(teamRowsWhenAsked).toBe(0);
  });

  it('answers a redelivered creation with the same team and appends nothing more', async () => {
    const command = createTeam(kit().clock.now());
    const first = await kit().ok(command);
    const eventsBefore = (await kit().store.readAll()).length;

    expect(await kit().ok(command)).toEqual(first);
    expect((await kit().store.readAll()).length).toBe(eventsBefore);
  });

  it('refuses another creation of an existing team, and bad fields with every violation', async () => {
    const command = createTeam(kit().clock.now());
    await kit().ok(command);

    expect(await kit().command({ ...command, mainKey: newKey() })).toEqual({
      ok: false,
      refusal: { type: 'team_already_exists' },
    });
    const bad = createTeam(kit().clock.now(), { name: ' ', currency: 'dollars' });
    expect(await kit().command(bad)).toEqual({
      ok: false,
      refusal: {
        type: 'invalid',
        violations: [
          { field: 'name', reason: 'blank' },
          { field: 'currency', reason: 'not_allowed' },
        ],
      },
    });
    expect(await kit().query({ type: 'GetTeam', teamId: bad.teamId })).toEqual({
      ok: false,
      refusal: { type: 'team_not_found' },
    });
  });

  it('passes a ledger refusal on and commits nothing', async () => {
    const command = createTeam(kit().clock.now());
    kit().ledger.override = (sent) =>
      sent.type === 'OpenTeam'
        ? { type: 'refused', refusal: { reason: 'invalid_currency', currency: sent.currency } }
        : null;
    const reply = await kit().command(command);
    kit().ledger.override = () => null;

    expect(reply).toEqual({
      ok: false,
      refusal: { type: 'upstream_refused', service: 'ledger', reason: 'invalid_currency' },
    });
    expect(await kit().store.readStream(`team-accounts-${command.teamId}`)).toEqual([]);
    expect(await kit().query({ type: 'GetTeam', teamId: command.teamId })).toEqual({
      ok: false,
      refusal: { type: 'team_not_found' },
    });
    // The retry after the refusal goes through: nothing of the first attempt was kept.
    expect(await kit().command(command)).toMatchObject({ ok: true });
  });

  it('answers a payload that is no command with a refusal instead of failing the partition', async () => {
    const reply = await kit().bus.request(
      Topics.accountsCommands,
      'team-x',
      { type: 'DropEverything', teamId: 'team-x' },
      { timeoutMs: 5_000 },
    );
    expect(reply).toEqual({
      ok: false,
      refusal: { type: 'invalid', violations: [{ field: 'type', reason: 'not_allowed' }] },
    });
    const later = createSubAccount('team-x', kit().clock.now());
    expect(await kit().command(later)).toEqual({ ok: false, refusal: { type: 'team_not_found' } });
  });
});
