import { GroupCommit } from './group-commit';

describe('GroupCommit', () => {
  it('writes what is submitted together in one group, and what arrives during a write in the next', async () => {
    const groups: number[][] = [];
    let release: () => void = () => undefined;
    const writer = new GroupCommit<number, string>(async (items) => {
      groups.push([...items]);
      if (groups.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return items.map((item) => `done ${item}`);
    });
    const first = [writer.submit(1), writer.submit(2)];
    await new Promise((resolve) => setImmediate(resolve));
    const later = [writer.submit(3), writer.submit(4), writer.submit(5)];
    release();
    expect(await Promise.all([...first, ...later])).toEqual(['done 1', 'done 2', 'done 3', 'done 4', 'done 5']);
    expect(groups).toEqual([[1, 2], [3, 4, 5]]);
  });

  it('fails every item of a failed group, and goes on with the next', async () => {
    let calls = 0;
    const writer = new GroupCommit<number, number>(async (items) => {
      calls += 1;
      if (calls === 1) throw new Error('database unavailable');
      return items.map((item) => item * 10);
    });
    const failed = [writer.submit(1), writer.submit(2)];
    await expect(Promise.all(failed)).rejects.toThrow('database unavailable');
    await expect(failed[1]).rejects.toThrow('database unavailable');
    await expect(writer.submit(3)).resolves.toBe(30);
  });

  it('caps a group at its maximum size', async () => {
    const sizes: number[] = [];
    const writer = new GroupCommit<number, number>(async (items) => (sizes.push(items.length), [...items]), 2);
    await Promise.all([1, 2, 3, 4, 5].map((item) => writer.submit(item)));
    expect(sizes).toEqual([2, 2, 1]);
  });
});
