import { GroupCommit } from './group-commit';

/** A gate the test opens: a write started before it waits until then. */
function gate() {
  let open = () => undefined as void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('GroupCommit', () => {
  it('writes what is submitted together in one group, and what arrives during a write in the next', async () => {
    const groups: number[][] = [];
    const first = gate();
    const writer = new GroupCommit<number, string>(async (inputs) => {
      groups.push([...inputs]);
      if (groups.length === 1) await first.opened;
      return inputs.map((input) => `done ${input}`);
    });
    const together = [writer.submit(1), writer.submit(2)];
    await new Promise((resolve) => setImmediate(resolve));
    const meanwhile = [writer.submit(3), writer.submit(4), writer.submit(5)];
    first.open();
    expect(await Promise.all([...together, ...meanwhile])).toEqual(['done 1', 'done 2', 'done 3', 'done 4', 'done 5']);
    expect(groups).toEqual([
      [1, 2],
      [3, 4, 5],
    ]);
    expect(await writer.submit(6)).toBe('done 6');
  });

  it('fails only the caller whose input fails, writing each input alone after a shared failure', async () => {
    const groups: string[][] = [];
    const first = gate();
    const writer = new GroupCommit<string, string>(async (inputs) => {
      groups.push([...inputs]);
      if (groups.length === 1) await first.opened;
      if (inputs.includes('bad')) throw new Error('bad input');
      return inputs.map((input) => input.toUpperCase());
    });
    const started = writer.submit('a');
    await new Promise((resolve) => setImmediate(resolve));
    const outputs = [started, writer.submit('b'), writer.submit('bad'), writer.submit('c')].map((output) =>
      output.catch((error: Error) => error.message),
    );
    first.open();
    expect(await Promise.all(outputs)).toEqual(['A', 'B', 'bad input', 'C']);
    expect(groups).toEqual([['a'], ['b', 'bad', 'c'], ['b'], ['bad'], ['c']]);
  });

  it('caps a group at its maximum size', async () => {
    const sizes: number[] = [];
    const writer = new GroupCommit<number, number>(async (inputs) => (sizes.push(inputs.length), [...inputs]), 2);
    await Promise.all([1, 2, 3, 4, 5].map((input) => writer.submit(input)));
    expect(sizes).toEqual([2, 2, 1]);
  });
});
