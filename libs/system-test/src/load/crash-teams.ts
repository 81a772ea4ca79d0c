import { callGateway, expectAnswer } from './crash-http';

/** A team of the crash run: its balance at the start and the caps of its sub-accounts, in cents. */
export interface TeamPlan {
  readonly name: string;
  readonly topUpCents: number;
  /** One sub-account per entry; null creates one without a cap. */
  readonly subAccountLimitsCents: readonly (number | null)[];
}

/** An account that sends during the run: the main account of a team or one of its sub-accounts. */
export interface SendingAccount {
  readonly label: string;
  readonly teamId: string;
  readonly accountId: string;
  readonly key: string;
  readonly isSubAccount: boolean;
  /** The cap in cents; null for the main account and for a sub-account without one. */
  readonly creditLimitCents: number | null;
}

export interface CrashTeam {
  readonly plan: TeamPlan;
  readonly teamId: string;
  readonly mainKey: string;
  readonly accounts: readonly SendingAccount[];
}

const SETUP_TIMEOUT_MS = 30_000;

/** Creates, tops up and populates every planned team through the public API, while the ledger is up. */
export async function createCrashTeams(
  baseUrl: string,
  adminToken: string,
  plans: readonly TeamPlan[],
): Promise<CrashTeam[]> {
  const teams: CrashTeam[] = [];
  for (const plan of plans) teams.push(await createCrashTeam(baseUrl, adminToken, plan));
  return teams;
}

async function createCrashTeam(baseUrl: string, adminToken: string, plan: TeamPlan): Promise<CrashTeam> {
  const created = expectAnswer<{ team: { id: string }; mainAccount: { id: string }; apiKey: { key: string } }>(
    await callGateway(baseUrl, adminToken, {
      method: 'POST',
      path: '/admin/v1/teams',
      body: { name: plan.name },
      timeoutMs: SETUP_TIMEOUT_MS,
    }),
    201,
    `creating team ${plan.name}`,
  );
  const teamId = created.team.id;
  const mainKey = created.apiKey.key;
  expectAnswer(
    await callGateway(baseUrl, adminToken, {
      method: 'POST',
      path: `/admin/v1/teams/${teamId}/top-ups`,
      body: { amount: plan.topUpCents },
      headers: { 'Idempotency-Key': `crash-top-up-${teamId}` },
      timeoutMs: SETUP_TIMEOUT_MS,
    }),
    201,
    `topping up team ${plan.name}`,
  );
  const main: SendingAccount = {
    label: `${plan.name}/main`,
    teamId,
    accountId: created.mainAccount.id,
    key: mainKey,
    isSubAccount: false,
    creditLimitCents: null,
  };
  const subAccounts: SendingAccount[] = [];
  for (const [index, creditLimitCents] of plan.subAccountLimitsCents.entries()) {
    const name = `${plan.name}/sub-${index + 1}`;
    const { subAccount } = expectAnswer<{ subAccount: { id: string; apiKey: string } }>(
      await callGateway(baseUrl, mainKey, {
        method: 'POST',
        path: '/v1/sub-accounts',
        body: { name, creditLimit: creditLimitCents },
        timeoutMs: SETUP_TIMEOUT_MS,
      }),
      201,
      `creating sub-account ${name}`,
    );
    subAccounts.push({
      label: name,
      teamId,
      accountId: subAccount.id,
      key: subAccount.apiKey,
      isSubAccount: true,
      creditLimitCents,
    });
  }
  return { plan, teamId, mainKey, accounts: [main, ...subAccounts] };
}
