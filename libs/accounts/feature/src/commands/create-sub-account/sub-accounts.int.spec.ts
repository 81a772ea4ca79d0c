import type { AccountView } from '@subledger/contracts';
import { CENT, createSubAccount, createTeam, newKey } from '../../testing/accounts-fixtures';
import { BACKENDS } from '../../testing/test-backends';
import { useAccountsKit } from '../../testing/use-accounts-kit';

describe.each(BACKENDS)('sub-accounts (%s)', (_backend, open) => {
  const kit = useAccountsKit(open);

  async function team() {
    const command = createTeam(kit().clock.now());
    return { command, created: await kit().ok(command) };
  }

  it('creates a sub-account with its first key and reads it back the same way', async () => {
    const { command: teamCommand } = await team();
    const command = createSubAccount(teamCommand.teamId, kit().clock.now(), {
      externalId: 'cust-42',
      creditLimit: 500n * CENT,
      metadata: { plan: 'gold', seats: 3, trial: false, coupon: null },
    });
    const { account, apiKey } = await kit().ok(command);

    expect(account).toEqual({
      id: command.accountId,
      teamId: command.teamId,
      kind: 'sub',
      name: 'Customer One',
      externalId: 'cust-42',
      status: 'active',
      creditLimit: 500n * CENT,
      metadata: { plan: 'gold', seats: 3, trial: false, coupon: null },
      createdAt: command.at,
      deleteAt: null,
    });
    expect(apiKey).toMatchObject({
      id: command.key.keyId,
      accountId: command.accountId,
      keyPrefix: command.key.prefix,
      revokedAt: null,
    });
    expect(await kit().read({ type: 'GetAccount', teamId: command.teamId, accountId: command.accountId })).toEqual({
      account,
    });
    expect(Object.keys(account.metadata ?? {})).toEqual(['plan', 'seats', 'trial', 'coupon']);
  });

  it('sets the spend policy at the ledger before the commit when created with a limit, and not without one', async () => {
    const { command: teamCommand } = await team();
    const limited = createSubAccount(teamCommand.teamId, kit().clock.now(), { creditLimit: 20n * CENT });
    let rowWhenAsked: unknown[] | undefined;
    kit().ledger.before = async () => {
      const { rows } = await kit().store.sql.query(
        `SELECT 1 FROM ${kit().store.quotedSchema}.accounts_projects WHERE id = $1`,
        [limited.accountId],
      );
      rowWhenAsked = rows;
    };
    await kit().ok(limited);
    kit().ledger.before = async () => undefined;
    await kit().ok(createSubAccount(teamCommand.teamId, kit().clock.now()));

    const policies = kit()
      .ledger.of('SetSpendPolicy')
      .filter((policy) => policy.teamId === teamCommand.teamId);
    expect(policies).toEqual([
      {
        type: 'SetSpendPolicy',
        teamId: teamCommand.teamId,
        accountId: limited.accountId,
        creditLimit: 20n * CENT,
        status: 'active',
        at: limited.at,
      },
    ]);
    expect(rowWhenAsked).toEqual([]);
  });

  it('answers a redelivered creation with the same account and key, and another with that id as taken', async () => {
    const { command: teamCommand } = await team();
    const command = createSubAccount(teamCommand.teamId, kit().clock.now(), {
      creditLimit: 0n,
      metadata: { plan: 'gold' },
    });
    const first = await kit().ok(command);
    const events = (await kit().store.readAll()).length;

    expect(await kit().ok(command)).toEqual(first);
    expect((await kit().store.readAll()).length).toBe(events);
    expect(await kit().command({ ...command, name: 'Someone else' })).toEqual({
      ok: false,
      refusal: { type: 'account_id_taken' },
    });
    expect(await kit().command({ ...command, key: newKey() })).toEqual({
      ok: false,
      refusal: { type: 'account_id_taken' },
    });
  });

  it('keeps external ids unique within a team, not across teams, and frees nothing on a refusal', async () => {
    const { command: one } = await team();
    const { command: two } = await team();
    await kit().ok(createSubAccount(one.teamId, kit().clock.now(), { externalId: 'cust-1' }));
    const taken = createSubAccount(one.teamId, kit().clock.now(), { externalId: 'cust-1' });

    expect(await kit().command(taken)).toEqual({ ok: false, refusal: { type: 'external_id_taken' } });
    expect(await kit().query({ type: 'GetAccount', teamId: one.teamId, accountId: taken.accountId })).toEqual({
      ok: false,
      refusal: { type: 'account_not_found' },
    });
    await kit().ok(createSubAccount(two.teamId, kit().clock.now(), { externalId: 'cust-1' }));
    const other = await kit().ok(createSubAccount(one.teamId, kit().clock.now(), { externalId: 'cust-2' }));
    const patch = {
      type: 'UpdateSubAccount',
      teamId: one.teamId,
      accountId: other.account.id,
      changes: { externalId: 'cust-1' },
      at: kit().clock.now(),
    } as const;
    expect(await kit().command(patch)).toEqual({ ok: false, refusal: { type: 'external_id_taken' } });
  });

  it('lists sub-accounts in creation order across pages, without the main account, with stable cursors', async () => {
    const { command: teamCommand } = await team();
    const ids: string[] = [];
    for (let index = 0; index < 7; index++) {
      const command = createSubAccount(teamCommand.teamId, kit().clock.now(), { name: `Customer ${index}` });
      ids.push(command.accountId);
      await kit().ok(command);
    }
    const seen: AccountView[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { items: readonly AccountView[]; nextCursor: string | null } = await kit().read({
        type: 'ListSubAccounts',
        teamId: teamCommand.teamId,
        cursor,
        limit: 3,
      });
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages += 1;
      // A sub-account created between pages shows up at the end, never shifting the pages before.
      if (pages === 1) {
        const late = createSubAccount(teamCommand.teamId, kit().clock.now(), { name: 'Late' });
        ids.push(late.accountId);
        await kit().ok(late);
      }
    } while (cursor !== null);

    expect(seen.map((account) => account.id)).toEqual(ids);
    expect(pages).toBe(3);
    expect(seen.every((account) => account.kind === 'sub')).toBe(true);
  });

  it('refuses a cursor it never issued and a limit outside 1 to 100', async () => {
    const { command: teamCommand } = await team();
    const list = { type: 'ListSubAccounts', teamId: teamCommand.teamId, limit: 10 } as const;

    expect(await kit().query({ ...list, cursor: 'not-a-cursor!' })).toEqual({
      ok: false,
      refusal: { type: 'invalid_cursor' },
    });
    expect(await kit().query({ ...list, cursor: Buffer.from('s:99999999999999999999').toString('base64url') })).toEqual(
      { ok: false, refusal: { type: 'invalid_cursor' } },
    );
    expect(await kit().query({ ...list, cursor: null, limit: 101 })).toMatchObject({
      ok: false,
      refusal: { type: 'invalid' },
    });
    expect(await kit().query({ ...list, cursor: null, limit: 0 })).toMatchObject({
      ok: false,
      refusal: { type: 'invalid' },
    });
  });

  it('answers account_not_found for the main account and for another team`s sub-account', async () => {
    const { command: one } = await team();
    const { command: two } = await team();
    const foreign = await kit().ok(createSubAccount(two.teamId, kit().clock.now()));
    const at = kit().clock.now();

    for (const accountId of [one.mainAccountId, foreign.account.id]) {
      expect(
        await kit().command({ type: 'UpdateSubAccount', teamId: one.teamId, accountId, changes: { name: 'x' }, at }),
      ).toEqual({ ok: false, refusal: { type: 'account_not_found' } });
      expect(await kit().command({ type: 'DeactivateSubAccount', teamId: one.teamId, accountId, at })).toEqual({
        ok: false,
        refusal: { type: 'account_not_found' },
      });
    }
    expect(await kit().query({ type: 'GetAccount', teamId: one.teamId, accountId: foreign.account.id })).toEqual({
      ok: false,
      refusal: { type: 'account_not_found' },
    });
  });
});
