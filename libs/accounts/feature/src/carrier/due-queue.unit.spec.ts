import { DueQueue } from './due-queue';

describe('a queue of due steps', () => {
  it('gives out what is due, first in first out, and keeps the rest', () => {
    const queue = new DueQueue<string>();
    expect(queue.nextAt()).toBeUndefined();
    queue.push(10, 'a');
    queue.push(10, 'b');
    queue.push(20, 'c');

    expect(queue.takeDue(9)).toEqual([]);
    expect(queue.nextAt()).toBe(10);
    expect(queue.takeDue(15)).toEqual(['a', 'b']);
    expect([queue.size, queue.nextAt()]).toEqual([1, 20]);
    queue.push(30, 'd');
    expect(queue.takeDue(30)).toEqual(['c', 'd']);
    expect([queue.size, queue.nextAt()]).toEqual([0, undefined]);
  });

  it('hands everything back when cleared, due or not', () => {
    const queue = new DueQueue<number>();
    for (let i = 0; i < 5; i++) queue.push(i, i);
    queue.takeDue(1);
    expect(queue.clear()).toEqual([2, 3, 4]);
    expect(queue.size).toBe(0);
  });
});
