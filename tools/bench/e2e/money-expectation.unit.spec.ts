import { AnswerTally } from './answer-tally';
import { expectedSpend, teamMoneyProblems } from './money-expectation';

const COST = 7_900n;

function answers(sent: number, acceptedCount: number) {
  const tally = new AnswerTally(1);
  for (let i = 0; i < sent; i++) tally.sent(0);
  for (let i = 0; i < acceptedCount; i++) tally.answered(0, 202, '{"message":{"cost":0.0079}}');
  return tally.of(0);
}

describe('expectedSpend', () => {
  it('is the accepted costs less the failed ones', () => {
    expect(expectedSpend(answers(10, 10), { count: 10, failed: 2, failedMicros: 2n * COST }, COST)).toEqual({
      spentMicros: 8n * COST,
      problems: [],
    });
  });

  it('adds listed messages whose answer never came, up to the requests of unknown outcome', () => {
    expect(expectedSpend(answers(12, 10), { count: 11, failed: 0, failedMicros: 0n }, COST)).toEqual({
      spentMicros: 11n * COST,
      problems: [],
    });
  });

  it('reports a list shorter than the accepted answers, or longer than every request', () => {
    expect(expectedSpend(answers(10, 10), { count: 9, failed: 0, failedMicros: 0n }, COST).problems).toEqual([
      'lists 9 messages for 10 accepted sends',
    ]);
    expect(expectedSpend(answers(11, 10), { count: 12, failed: 0, failedMicros: 0n }, COST).problems).toEqual([
      'lists 12 messages for 10 accepted sends and 1 of unknown outcome',
    ]);
  });
});

describe('teamMoneyProblems', () => {
  const view = (balance: number, spent: number) => ({
    balance,
    accounts: [
      { id: 'main', kind: 'main', totalSpent: 0, creditLimit: null },
      { id: 'sub', kind: 'sub', totalSpent: spent, creditLimit: null },
      { id: 'idle', kind: 'sub', totalSpent: 0, creditLimit: null },
    ],
  });
  // 3 sends of 0.79 cents: 2.37 cents spent, shown as 3; balance 997.63 cents, shown as 997.
  const expected = { topUpCents: 1000, spentMicros: new Map([['sub', 3n * COST]]) };

  it('accepts the balance rounded down and the spend rounded up to cents', () => {
    expect(teamMoneyProblems(expected, view(997, 3))).toEqual([]);
  });

  it('names each figure that differs', () => {
    expect(teamMoneyProblems(expected, view(998, 2))).toEqual([
      'sub totalSpent 2 cents, expected 3',
      'balance 998 cents, expected 997',
    ]);
  });

  it('reports spend on an account the run never used, and a credit limit where none was set', () => {
    const observed = view(997, 3);
    observed.accounts[2].totalSpent = 1;
    observed.accounts[1].creditLimit = 5 as unknown as null;
    expect(teamMoneyProblems(expected, observed)).toEqual([
      'sub has creditLimit 5, expected none',
      'sub account idle spent 1 cents, expected 0',
    ]);
  });
});
