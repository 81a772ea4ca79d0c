import { callGateway, expectAnswer } from '../load/crash-http';
import type { CrashTeam, SendingAccount } from '../load/crash-teams';

/** What a client reads of the money through the public API once the run is over, in cents. */
export interface ApiReadings {
  readonly teamBalances: ReadonlyMap<string, number>;
  /** Per sub-account: GET /v1/sub-accounts/:id with the main key, and GET /v1/balance with its own key. */
  readonly subAccounts: readonly SubAccountReading[];
}

export interface SubAccountReading {
  readonly account: SendingAccount;
  readonly viaSubAccount: { readonly totalSpent: number; readonly creditLimit: number | null };
  readonly viaBalance: { readonly totalSpent: number; readonly creditLimit: number | null; readonly balance: number };
}

const TIMEOUT_MS = 30_000;

export async function readThroughApi(baseUrl: string, teams: readonly CrashTeam[]): Promise<ApiReadings> {
  const teamBalances = new Map<string, number>();
  const subAccounts: SubAccountReading[] = [];
  for (const team of teams) {
    const balance = expectAnswer<{ balance: number }>(
      await callGateway(baseUrl, team.mainKey, { method: 'GET', path: '/v1/balance', timeoutMs: TIMEOUT_MS }),
      200,
      `balance of ${team.plan.name}`,
    );
    teamBalances.set(team.teamId, balance.balance);
    for (const account of team.accounts.filter((candidate) => candidate.isSubAccount)) {
      const { subAccount } = expectAnswer<{ subAccount: SubAccountReading['viaSubAccount'] }>(
        await callGateway(baseUrl, team.mainKey, {
          method: 'GET',
          path: `/v1/sub-accounts/${account.accountId}`,
          timeoutMs: TIMEOUT_MS,
        }),
        200,
        `sub-account ${account.label}`,
      );
      const own = expectAnswer<SubAccountReading['viaBalance']>(
        await callGateway(baseUrl, account.key, { method: 'GET', path: '/v1/balance', timeoutMs: TIMEOUT_MS }),
        200,
        `balance of ${account.label}`,
      );
      subAccounts.push({
        account,
        viaSubAccount: { totalSpent: subAccount.totalSpent, creditLimit: subAccount.creditLimit },
        viaBalance: own,
      });
    }
  }
  return { teamBalances, subAccounts };
}
