import type { Envelope } from '../port/message-envelope';

/**
 * One partition of an in-process topic: an append-only log with an offset per consumer group.
 * Entries every group has committed are dropped, so memory follows the backlog, not the history.
 */
export class PartitionLog {
  private entries: Envelope[] = [];
  private baseOffset = 0;
  private readonly committed = new Map<string, number>();

  get endOffset(): number {
    return this.baseOffset + this.entries.length;
  }

  append(message: Omit<Envelope, 'offset'>): Envelope {
    const envelope = { ...message, offset: this.endOffset };
    this.entries.push(envelope);
    return envelope;
  }

  join(group: string): void {
    if (!this.committed.has(group)) this.committed.set(group, this.baseOffset);
  }

  position(group: string): number {
    return this.committed.get(group) ?? this.baseOffset;
  }

  read(group: string, max: number): Envelope[] {
    const from = this.position(group) - this.baseOffset;
    return this.entries.slice(from, from + max);
  }

  commit(group: string, nextOffset: number): void {
    this.committed.set(group, nextOffset);
    const lowest = Math.min(...this.committed.values());
    if (lowest > this.baseOffset) {
      this.entries = this.entries.slice(lowest - this.baseOffset);
      this.baseOffset = lowest;
    }
  }
}
