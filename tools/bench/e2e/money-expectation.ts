import { balanceCents, MICROS_PER_CENT, spentCents } from '@subledger/money';
import { acceptedMicros, type KeyAnswers, unknownOutcomes } from './answer-tally';

/** A sub-account's own message list, read once every delivery has settled. */
export interface ListedMessages {
  count: number;
  failed: number;
  /** Sum of the failed messages' costs: what their refunds give back. */
  failedMicros: bigint;
}

export interface ExpectedSpend {
  spentMicros: bigint;
  problems: string[];
}

/**
 * What a sub-account must have spent: the costs of its 2xx answers, plus the messages it lists
 * beyond those answers (requests whose answer the client never saw, at most that many), less the
 * refunds of its failed deliveries. The list only settles what the client could not know; a list
 * shorter than the answers, or longer than the requests, is itself a problem.
 */
export function expectedSpend(
  answers: KeyAnswers,
  listed: ListedMessages,
  unitCostMicros: bigint | null,
): ExpectedSpend {
  const problems: string[] = [];
  const unseen = listed.count - answers.accepted;
  if (unseen < 0) problems.push(`lists ${listed.count} messages for ${answers.accepted} accepted sends`);
  if (unseen > unknownOutcomes(answers)) {
    problems.push(
      `lists ${listed.count} messages for ${answers.accepted} accepted sends and ${unknownOutcomes(answers)} of unknown outcome`,
    );
  }
  let charged: bigint;
  try {
    charged = acceptedMicros(answers);
  } catch (error) {
    problems.push(`unreadable cost in an answer: ${(error as Error).message}`);
    charged = 0n;
  }
  if (unseen > 0) {
    if (unitCostMicros === null) problems.push(`${unseen} unanswered messages listed and no answer told their cost`);
    else charged += BigInt(unseen) * unitCostMicros;
  }
  return { spentMicros: charged - listed.failedMicros, problems };
}

/** The parts of `GET /admin/v1/teams/:id` the check reads (cents, as the API shows them). */
export interface AdminTeamView {
  balance: number;
  accounts: { id: string; kind: string; totalSpent: number; creditLimit: number | null }[];
}

export interface TeamExpectation {
  topUpCents: number;
  /** Expected spend of every sub-account, by account id. */
  spentMicros: Map<string, bigint>;
}

/**
 * Compares the operator's view of a team with what the answers imply, at the resolution the API
 * shows: `balance` rounds down and `totalSpent` rounds up to cents (docs/contract.md §1).
 */
export function teamMoneyProblems(expected: TeamExpectation, observed: AdminTeamView): string[] {
  const problems: string[] = [];
  let spentByTeam = 0n;
  for (const [accountId, spent] of expected.spentMicros) {
    spentByTeam += spent;
    const account = observed.accounts.find((candidate) => candidate.id === accountId);
    if (!account) problems.push(`account ${accountId} is missing`);
    else {
      if (account.totalSpent !== spentCents(spent))
        problems.push(`${accountId} totalSpent ${account.totalSpent} cents, expected ${spentCents(spent)}`);
      if (account.creditLimit !== null)
        problems.push(`${accountId} has creditLimit ${account.creditLimit}, expected none`);
    }
  }
  for (const account of observed.accounts) {
    if (!expected.spentMicros.has(account.id) && account.totalSpent !== 0)
      problems.push(`${account.kind} account ${account.id} spent ${account.totalSpent} cents, expected 0`);
  }
  const balance = balanceCents(BigInt(expected.topUpCents) * MICROS_PER_CENT - spentByTeam);
  if (observed.balance !== balance) problems.push(`balance ${observed.balance} cents, expected ${balance}`);
  return problems;
}
