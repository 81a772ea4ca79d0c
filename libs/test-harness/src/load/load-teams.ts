import { type LoadAnswer, type LoadTeam, sendMessage } from './steady-load';

const MICROS_PER_CENT = 10_000n;

export interface FundedTeam extends LoadTeam {
  readonly topUpCents: number;
}

/** Fresh teams created and topped up through the gateway's operator API, each with its main key. */
export async function createLoadTeams(
  baseUrl: string,
  adminToken: string,
  count: number,
  topUpCents: number,
  label: string,
): Promise<FundedTeam[]> {
  const teams: FundedTeam[] = [];
  for (let i = 0; i < count; i++) {
    const created = await adminCall<{ team: { id: string }; apiKey: { key: string } }>(
      baseUrl,
      adminToken,
      '/admin/v1/teams',
      { name: `${label} ${i + 1}` },
      201,
    );
    await adminCall(baseUrl, adminToken, `/admin/v1/teams/${created.team.id}/top-ups`, { amount: topUpCents }, 201, {
      'Idempotency-Key': `top-up-${created.team.id}`,
    });
    teams.push({ teamId: created.team.id, key: created.apiKey.key, topUpCents });
  }
  return teams;
}

/**
 * Sends again, with its own Idempotency-Key and body, every send whose answer left its outcome open
 * (a 5xx or a cut connection), until each is answered 2xx or 4xx; returns the final answers of
 * those sends, so that the money check counts what was really applied.
 */
export async function settleUndecided(
  baseUrl: () => string,
  teams: readonly LoadTeam[],
  answers: readonly LoadAnswer[],
  deadline: number,
): Promise<LoadAnswer[]> {
  const settled: LoadAnswer[] = [];
  for (const answer of answers.filter((a) => a.status === 0 || a.status >= 500)) {
    for (;;) {
      const startedAt = Date.now();
      const again = await sendMessage(baseUrl(), teams[answer.team].key, answer.idempotencyKey, answer.body, 30_000);
      if (again.status !== 0 && again.status < 500 && again.status !== 409) {
        settled.push({ ...answer, ...again, startedAt, endedAt: Date.now() });
        break;
      }
      if (Date.now() > deadline)
        throw new Error(`${answer.idempotencyKey} still answered ${again.status} ${again.code ?? ''} when retried`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  return settled;
}

/**
 * The money check: every team's balance, read through the operator API, is its top-up less the
 * costs of its sends answered 2xx (`final`: one answer per Idempotency-Key). Returns the problems,
 * none when every balance matches; waits up to `timeoutMs` for balances still moving.
 */
export async function moneyProblems(
  baseUrl: string,
  adminToken: string,
  teams: readonly FundedTeam[],
  final: readonly LoadAnswer[],
  timeoutMs: number,
): Promise<string[]> {
  const spent = teams.map(() => 0n);
  for (const answer of final)
    if (answer.status >= 200 && answer.status < 300) spent[answer.team] += answer.costMicros ?? 0n;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const problems: string[] = [];
    for (const [i, team] of teams.entries()) {
      const view = await adminGet<{ balance: number }>(baseUrl, adminToken, `/admin/v1/teams/${team.teamId}`);
      // The API shows a balance in cents rounded down (docs/contract.md §1); balances stay positive here.
      const expected = Number((BigInt(team.topUpCents) * MICROS_PER_CENT - spent[i]) / MICROS_PER_CENT);
      if (view.balance !== expected)
        problems.push(
          `team ${i + 1} (${team.teamId}): balance ${view.balance} cents, expected ${expected} from ${final.filter((a) => a.team === i && a.status < 300).length} accepted sends`,
        );
    }
    if (problems.length === 0 || Date.now() > deadline) return problems;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** The final answer of each Idempotency-Key: a settled retry replaces the first answer. */
export function finalAnswers(answers: readonly LoadAnswer[], settled: readonly LoadAnswer[]): LoadAnswer[] {
  const byKey = new Map(answers.map((answer) => [answer.idempotencyKey, answer]));
  for (const answer of settled) byKey.set(answer.idempotencyKey, answer);
  return [...byKey.values()];
}

/** How many messages a key lists through `GET /v1/messages`, page by page. */
export async function listedMessages(baseUrl: string, key: string): Promise<number> {
  let count = 0;
  let cursor: string | null = null;
  do {
    const query: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
    const page: { items: unknown[]; nextCursor: string | null } = await adminGet(
      baseUrl,
      key,
      `/v1/messages?limit=100${query}`,
    );
    count += page.items.length;
    cursor = page.nextCursor;
  } while (cursor !== null);
  return count;
}

async function adminCall<T>(
  baseUrl: string,
  token: string,
  path: string,
  body: unknown,
  expected: number,
  headers: Record<string, string> = {},
): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== expected) throw new Error(`POST ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

async function adminGet<T>(baseUrl: string, token: string, path: string): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}
