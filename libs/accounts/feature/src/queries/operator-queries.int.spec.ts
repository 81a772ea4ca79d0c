import type { Page, TeamListItemView } from '@subledger/contracts';
import { createSubAccount, createTeam, newKey } from '../testing/accounts-fixtures';
import { BACKENDS } from '../testing/test-backends';
import { useAccountsKit } from '../testing/use-accounts-kit';

describe.each(BACKENDS)("the operators' team list and key counts (%s)", (_backend, open) => {
  const kit = useAccountsKit(open);

  const listAll = async (search: string | null, limit: number): Promise<TeamListItemView[][]> => {
    const pages: TeamListItemView[][] = [];
    let cursor: string | null = null;
    do {
      const page: Page<TeamListItemView> = await kit().read({ type: 'ListTeams', search, cursor, limit });
      pages.push([...page.items]);
      cursor = page.nextCursor;
    } while (cursor !== null);
    return pages;
  };

  it('lists teams newest first, page by page, each with its sub-accounts, and finds them by part of the name or the start of the id', async () => {
    const alpha = createTeam(kit().clock.now(), { name: 'Alpha Widgets' });
    await kit().ok(alpha);
    kit().clock.advance(1_000);
    const beta = createTeam(kit().clock.now(), { name: 'beta WIDGETS' });
    await kit().ok(beta);
    for (const name of ['One', 'Two']) await kit().ok(createSubAccount(beta.teamId, kit().clock.now(), { name }));
    kit().clock.advance(1_000);
    // Two teams created in the same millisecond: the id orders them, and no page skips either.
    const gammas = [
      createTeam(kit().clock.now(), { name: 'Gamma 100%' }),
      createTeam(kit().clock.now(), { name: 'Gamma_2' }),
    ];
    for (const gamma of gammas) await kit().ok(gamma);
    const newestGammaFirst = gammas
      .map((gamma) => gamma.teamId)
      .sort()
      .reverse();

    const pages = await listAll(null, 1);
    expect(pages.every((page) => page.length === 1)).toBe(true);
    expect(pages.flat().map((team) => team.id)).toEqual([...newestGammaFirst, beta.teamId, alpha.teamId]);
    expect(pages.flat().find((team) => team.id === beta.teamId)).toEqual({
      id: beta.teamId,
      name: 'beta WIDGETS',
      currency: 'usd',
      mainAccountId: beta.mainAccountId,
      createdAt: beta.at,
      subAccounts: 2,
    });

    expect((await listAll('widgets', 20)).flat().map((team) => team.id)).toEqual([beta.teamId, alpha.teamId]);
    expect((await listAll(beta.teamId.slice(0, 12), 20)).flat().map((team) => team.id)).toEqual([beta.teamId]);
    // Search text is plain text, not a pattern.
    expect((await listAll('%', 20)).flat().map((team) => team.name)).toEqual(['Gamma 100%']);
    expect((await listAll('_', 20)).flat().map((team) => team.name)).toEqual(['Gamma_2']);
    expect(await listAll('no such team', 20)).toEqual([[]]);
  });

  it('refuses cursors it never issued, and searches and limits out of range', async () => {
    expect(await kit().query({ type: 'ListTeams', search: null, cursor: 'garbage!', limit: 5 })).toEqual({
      ok: false,
      refusal: { type: 'invalid_cursor' },
    });
    expect(await kit().query({ type: 'ListTeams', search: 'x'.repeat(101), cursor: null, limit: 5 })).toMatchObject({
      ok: false,
      refusal: { type: 'invalid' },
    });
    expect(await kit().query({ type: 'ListTeams', search: null, cursor: null, limit: 101 })).toMatchObject({
      ok: false,
      refusal: { type: 'invalid' },
    });
  });

  it('counts the keys not revoked of every account of a team', async () => {
    const team = createTeam(kit().clock.now());
    await kit().ok(team);
    const sub = createSubAccount(team.teamId, kit().clock.now());
    await kit().ok(sub);
    const extra = newKey({ name: 'Extra' });
    await kit().ok({
      type: 'CreateApiKey',
      teamId: team.teamId,
      accountId: sub.accountId,
      key: extra,
      at: kit().clock.now(),
    });
    expect(await kit().read({ type: 'CountActiveKeys', teamId: team.teamId })).toEqual({
      accounts: [
        { accountId: team.mainAccountId, activeKeys: 1 },
        { accountId: sub.accountId, activeKeys: 2 },
      ],
    });
    await kit().ok({
      type: 'RevokeApiKey',
      teamId: team.teamId,
      accountId: sub.accountId,
      keyId: extra.keyId,
      at: kit().clock.now(),
    });
    expect((await kit().read({ type: 'CountActiveKeys', teamId: team.teamId })).accounts[1]).toEqual({
      accountId: sub.accountId,
      activeKeys: 1,
    });
    expect(await kit().query({ type: 'CountActiveKeys', teamId: 'team_nobody' })).toEqual({
      ok: false,
      refusal: { type: 'team_not_found' },
    });
  });
});
