import { setTimeout as sleep } from 'node:timers/promises';
import { callApi } from './api-client';
import type { AnswerTally } from './answer-tally';
import { type AdminTeamView, expectedSpend, type ListedMessages, teamMoneyProblems } from './money-expectation';
import type { MoneyResult } from './run-result';
import type { BenchTeam } from './setup-teams';
import { usdTextToMicros } from './usd-micros';

export interface MoneyCheckInput {
  url: string;
  adminToken: string;
  teams: readonly BenchTeam[];
  /** The keys the run drove, in the tally's order. */
  keys: readonly string[];
  tally: AnswerTally;
  settleTimeoutMs: number;
}

interface MessagePage {
  items: { status: string; cost: number }[];
  nextCursor: string | null;
}

// Refunds follow a failed status through the ledger: the balances may trail the message list briefly.
const convergeTimeoutMs = 30_000;

/**
 * Once the delivery simulator has settled every message, every team's balance and every
 * sub-account's `totalSpent` must equal what the run's answers imply, less refunds of failures.
 */
export async function checkMoney(input: MoneyCheckInput): Promise<MoneyResult> {
  const problems: string[] = [];
  const unsettled = await waitUntilSettled(input);
  if (unsettled > 0)
    problems.push(`${unsettled} keys still had queued or sent messages after ${input.settleTimeoutMs / 1000} s`);
  const listed = await Promise.all(input.keys.map((key) => listMessages(input.url, key)));
  const unitCost = runUnitCost(input.tally, input.keys.length, problems);
  const spentByKey = new Map<string, bigint>();
  input.keys.forEach((key, index) => {
    const spend = expectedSpend(input.tally.of(index), listed[index], unitCost);
    problems.push(...spend.problems.map((problem) => `key ${index}: ${problem}`));
    spentByKey.set(key, spend.spentMicros);
  });
  const expectations = input.teams.map((team) => ({
    team,
    expected: {
      topUpCents: team.topUpCents,
      spentMicros: new Map(
        team.subAccounts
          .filter((sub) => spentByKey.has(sub.apiKey))
          .map((sub) => [sub.accountId, spentByKey.get(sub.apiKey) ?? 0n]),
      ),
    },
  }));
  const deadline = Date.now() + convergeTimeoutMs;
  let teamProblems: string[];
  for (;;) {
    const views = await Promise.all(
      expectations.map(({ team }) =>
        callApi<AdminTeamView>(input.url, input.adminToken, 'GET', `/admin/v1/teams/${team.teamId}`),
      ),
    );
    teamProblems = expectations.flatMap(({ team, expected }, index) =>
      teamMoneyProblems(expected, views[index]).map((problem) => `${team.teamId}: ${problem}`),
    );
    if (teamProblems.length === 0 || Date.now() > deadline) break;
    await sleep(1000);
  }
  problems.push(...teamProblems);
  return {
    status: problems.length === 0 ? 'ok' : 'mismatch',
    problems,
    messages: listed.reduce((sum, list) => sum + list.count, 0),
    failed: listed.reduce((sum, list) => sum + list.failed, 0),
  };
}

/** Polls until no key has a message `queued` or `sent`; returns how many keys still had one at the deadline. */
async function waitUntilSettled(input: MoneyCheckInput): Promise<number> {
  const deadline = Date.now() + input.settleTimeoutMs;
  for (;;) {
    const pending = await Promise.all(
      input.keys.map(async (key) => {
        for (const status of ['queued', 'sent']) {
          const page = await callApi<MessagePage>(input.url, key, 'GET', `/v1/messages?status=${status}&limit=1`);
          if (page.items.length > 0) return true;
        }
        return false;
      }),
    );
    const unsettled = pending.filter(Boolean).length;
    if (unsettled === 0 || Date.now() > deadline) return unsettled;
    await sleep(1000);
  }
}

/** Every message of a key, page by page: how many, how many failed, and the failed ones' costs. */
async function listMessages(url: string, key: string): Promise<ListedMessages> {
  const listed: ListedMessages = { count: 0, failed: 0, failedMicros: 0n };
  let cursor: string | null = null;
  do {
    const query: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
    const page: MessagePage = await callApi<MessagePage>(url, key, 'GET', `/v1/messages?limit=100${query}`);
    for (const message of page.items) {
      listed.count++;
      if (message.status !== 'failed') continue;
      listed.failed++;
      // A cost below 10^9 USD prints back exactly as the decimal the server wrote (docs/contract.md §1).
      listed.failedMicros += usdTextToMicros(String(message.cost));
    }
    cursor = page.nextCursor;
  } while (cursor !== null);
  return listed;
}

/** The one cost every 2xx answer of the run carried (same text, same price); a second one is a problem. */
function runUnitCost(tally: AnswerTally, keyCount: number, problems: string[]): bigint | null {
  const texts = new Set<string>();
  for (let key = 0; key < keyCount; key++) for (const text of tally.of(key).costs.keys()) texts.add(text);
  if (texts.size > 1) problems.push(`answers carried ${texts.size} different costs: ${[...texts].join(', ')}`);
  const [first] = texts;
  if (first === undefined) return null;
  try {
    return usdTextToMicros(first);
  } catch {
    return null;
  }
}
