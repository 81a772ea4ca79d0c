import { acceptedMicros, AnswerTally, unknownOutcomes } from './answer-tally';

const accepted = (cost: string) =>
  `{"message":{"id":"msg_1","status":"queued","cost":${cost},"costProvider":0,"costTotal":${cost}}}`;

describe('AnswerTally', () => {
  it('counts answers per key and sums the 202 costs exactly, from the text', () => {
    const tally = new AnswerTally(2);
    for (let i = 0; i < 1000; i++) {
      tally.sent(0);
      tally.answered(0, 202, accepted('0.0079'));
    }
    tally.sent(1);
    tally.answered(1, 402, '{"code":"insufficient_balance"}');
    expect(acceptedMicros(tally.of(0))).toBe(7_900_000n);
    expect(tally.of(1)).toMatchObject({ sent: 1, accepted: 0, refused: 1 });
    expect(acceptedMicros(tally.of(1))).toBe(0n);
  });

  it('counts sends without an answer, and 5xx answers, as outcomes the client does not know', () => {
    const tally = new AnswerTally(1);
    for (let i = 0; i < 4; i++) tally.sent(0);
    tally.answered(0, 202, accepted('0.0079'));
    tally.answered(0, 400, '{}');
    tally.answered(0, 503, '{"code":"upstream_timeout"}');
    expect(unknownOutcomes(tally.of(0))).toBe(2);
  });

  it('refuses to sum a 2xx answer whose cost it cannot read', () => {
    const tally = new AnswerTally(1);
    tally.answered(0, 202, '{"message":{}}');
    expect(() => acceptedMicros(tally.of(0))).toThrow(RangeError);
  });
});
