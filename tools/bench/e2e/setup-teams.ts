import { callApi } from './api-client';

export interface BenchSubAccount {
  accountId: string;
  apiKey: string;
}

export interface BenchTeam {
  teamId: string;
  topUpCents: number;
  subAccounts: BenchSubAccount[];
}

// USD 100 million a team: far more than any run can spend, so no send is refused for money.
const TOP_UP_CENTS = 10_000_000_000;

/**
 * Fresh teams for one run, each topped up and with its sub-accounts (no credit limit), all through
 * the public API. Fresh per run so that each run's money check starts from a known balance.
 */
export async function createTeams(
  baseUrl: string,
  adminToken: string,
  label: string,
  teams: number,
  subAccountsPerTeam: number,
): Promise<BenchTeam[]> {
  return Promise.all(
    Array.from({ length: teams }, async (_, teamIndex) => {
      const name = `bench ${label} ${teamIndex + 1}`;
      const created = await callApi<{ team: { id: string }; apiKey: { key: string } }>(
        baseUrl,
        adminToken,
        'POST',
        '/admin/v1/teams',
        { body: { name } },
      );
      const teamId = created.team.id;
      await callApi(baseUrl, adminToken, 'POST', `/admin/v1/teams/${teamId}/top-ups`, {
        body: { amount: TOP_UP_CENTS, reference: 'bench' },
        headers: { 'idempotency-key': `bench-top-up-${teamId}` },
      });
      const subAccounts: BenchSubAccount[] = [];
      for (let index = 0; index < subAccountsPerTeam; index++) {
        const { subAccount } = await callApi<{ subAccount: { id: string; apiKey: string } }>(
          baseUrl,
          created.apiKey.key,
          'POST',
          '/v1/sub-accounts',
          {
            body: { name: `${name} sub ${index + 1}` },
          },
        );
        subAccounts.push({ accountId: subAccount.id, apiKey: subAccount.apiKey });
      }
      return { teamId, topUpCents: TOP_UP_CENTS, subAccounts };
    }),
  );
}
