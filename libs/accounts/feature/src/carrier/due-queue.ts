/**
 * Things to do at a time, first in first out. Every step waits the same delay, so what is pushed
 * later is due later, and the queue never needs sorting. Taken items are dropped from memory.
 */
export class DueQueue<T> {
  private items: { readonly at: number; readonly value: T }[] = [];
  private head = 0;

  get size(): number {
    return this.items.length - this.head;
  }

  push(at: number, value: T): void {
    this.items.push({ at, value });
  }

  /** When the first item is due, or undefined when the queue is empty. */
  nextAt(): number | undefined {
    return this.items[this.head]?.at;
  }

  /** Takes every item due at `now`, from the front. */
  takeDue(now: number): T[] {
    let end = this.head;
    while (end < this.items.length && this.items[end].at <= now) end++;
    const due = this.items.slice(this.head, end).map((item) => item.value);
    this.head = end;
    // Compacting once the taken front is as long as the rest keeps each item's cost constant.
    if (this.head > 0 && this.head >= this.size) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return due;
  }

  /** Takes everything, due or not. */
  clear(): T[] {
    const all = this.items.slice(this.head).map((item) => item.value);
    this.items = [];
    this.head = 0;
    return all;
  }
}
