import { planCommandBatch } from './command-batch-plan';

const teamId = 'team-1';
const record = (id: string) => ({ type: 'RecordMessage', teamId, message: { id }, at: 1 });
const report = (id: string) => ({
  type: 'AdvanceMessage',
  teamId,
  messageId: id,
  status: 'sent',
  errorCode: null,
  at: 2,
});
const usage = { type: 'RecordKeyUsage', teamId, usages: [] };
const steps = { type: 'AdvanceMessages', teamId, steps: [], at: 2 };
const lifecycle = (type: string) => ({ type, teamId, accountId: 'acc-1', at: 3 });
const read = { type: 'GetMessage', teamId, accountId: 'acc-1', messageId: 'm1' };

/** The plan as positions: groups as arrays, a lifecycle command as its position alone. */
function shape(values: unknown[]) {
  const plan = planCommandBatch(values);
  return {
    steps: plan.steps.map((step) =>
      step.kind === 'group' ? step.commands.map((command) => command.index) : step.command.index,
    ),
    reads: plan.reads.map((entry) => entry.index),
    refused: plan.refused.map((entry) => entry.index),
  };
}

describe('planning a batch of accounts commands', () => {
  it('gathers every frequent write of a batch without lifecycle commands into one group', () => {
    expect(shape([record('m1'), report('m0'), usage, steps, record('m2')])).toEqual({
      steps: [[0, 1, 2, 3, 4]],
      reads: [],
      refused: [],
    });
  });

  it('puts each lifecycle command between the group before it and the group after it, in partition order', () => {
    const batch = [
      record('m1'),
      lifecycle('CreateSubAccount'),
      lifecycle('RevokeApiKey'),
      record('m2'),
      report('m1'),
      lifecycle('RunDeletionSchedule'),
    ];
    expect(shape(batch).steps).toEqual([[0], 1, 2, [3, 4], 5]);
  });

  it('answers ordered reads after every write, and refuses what is no command without breaking a group', () => {
    const batch = [
      record('m1'),
      read,
      null,
      { type: 'DropTables', teamId },
      { type: 'RecordMessage' },
      record('m2'),
      { ...read, type: 'ListMessages' },
    ];
    expect(shape(batch)).toEqual({ steps: [[0, 5]], reads: [1, 6], refused: [2, 3, 4] });
    const { refused } = planCommandBatch(batch);
    expect(refused.map((entry) => entry.value)).toEqual([
      { type: 'invalid', violations: [{ field: '', reason: 'not_an_object' }] },
      { type: 'invalid', violations: [{ field: 'type', reason: 'not_allowed' }] },
      { type: 'invalid', violations: [{ field: 'teamId', reason: 'required' }] },
    ]);
  });

  it('refuses queries that are not ordered reads, and names inherited from Object', () => {
    expect(
      shape([
        { type: 'AuthenticateKey', teamId, digest: 'x' },
        { type: 'toString', teamId },
      ]).refused,
    ).toEqual([0, 1]);
  });

  it('plans nothing for an empty batch', () => {
    expect(shape([])).toEqual({ steps: [], reads: [], refused: [] });
  });
});
