import { Coalescer } from './coalescer';

/** A gate the test opens: work started before it waits until then. */
function gate() {
  let open = () => undefined as void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('coalescing work of concurrent callers', () => {
  it('runs the first input at once and the ones that arrive meanwhile together, each caller getting its own output', async () => {
    const calls: number[][] = [];
    const first = gate();
    const coalescer = new Coalescer<number, number>(async (inputs) => {
      calls.push([...inputs]);
      if (calls.length === 1) await first.opened;
      return inputs.map((input) => input * 10);
    });

    const outputs = [coalescer.run(1), coalescer.run(2), coalescer.run(3)];
    first.open();

    expect(await Promise.all(outputs)).toEqual([10, 20, 30]);
    expect(calls).toEqual([[1], [2, 3]]);
    expect(await coalescer.run(4)).toBe(40);
  });

  it('fails only the caller whose input fails, running each input alone after a shared failure', async () => {
    const calls: string[][] = [];
    const first = gate();
    const coalescer = new Coalescer<string, string>(async (inputs) => {
      calls.push([...inputs]);
      if (calls.length === 1) await first.opened;
      if (inputs.includes('bad')) throw new Error('bad input');
      return inputs.map((input) => input.toUpperCase());
    });

    const outputs = [coalescer.run('a'), coalescer.run('b'), coalescer.run('bad'), coalescer.run('c')].map((output) => output.catch((error: Error) => error.message));
    first.open();

    expect(await Promise.all(outputs)).toEqual(['A', 'B', 'bad input', 'C']);
    expect(calls).toEqual([['a'], ['b', 'bad', 'c'], ['b'], ['bad'], ['c']]);
  });
});
