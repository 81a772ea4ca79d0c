/**
 * Replies of the commands handled lately, by correlation id. When a batch fails half-way, the bus
 * delivers it again whole; the commands that had already committed then answer with their first
 * reply (e.g. the same `keysRevoked`), as a client that retried would expect. Bounded, oldest out:
 * redeliveries come soon after the first attempt.
 */
export class RecentReplies<R> {
  private readonly replies = new Map<string, R>();

  constructor(private readonly capacity: number) {}

  get(id: string | undefined): R | undefined {
    return id === undefined ? undefined : this.replies.get(id);
  }

  set(id: string | undefined, reply: R): void {
    if (id === undefined) return;
    this.replies.set(id, reply);
    if (this.replies.size > this.capacity) this.replies.delete(this.replies.keys().next().value as string);
  }
}
