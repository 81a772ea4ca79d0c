/**
 * The ids of a team's commands that were refused without recording an event. Such a command, sent
 * again, must get its stored refusal, although deciding it anew could now let it through (a charge
 * sent before its team was opened, a refund before its charge); and nothing in the event store
 * stands in the way of that second decision. So the writer looks up the stored outcome of every
 * command whose id may be here.
 *
 * Refusals without an event are rare, so a few ids per team are kept. Past `limit` the ids are
 * dropped and the team is marked as having forgotten some: from then on every command of the team
 * is looked up, which costs a query per batch but no memory.
 */
export class RefusedCommandIds {
  private ids: Set<string> | null = null;
  private forgotten = false;

  constructor(private readonly limit: number) {}

  /** Whether the command with this id may have been refused without an event before. */
  mayHold(commandId: string): boolean {
    return this.forgotten || (this.ids?.has(commandId) ?? false);
  }

  add(commandId: string): void {
    if (this.forgotten) return;
    this.ids ??= new Set();
    this.ids.add(commandId);
    if (this.ids.size > this.limit) this.forgetAll();
  }

  /** From now on every id may have been refused: for a team whose refusals are not all known. */
  forgetAll(): void {
    this.forgotten = true;
    this.ids = null;
  }

  get hasForgotten(): boolean {
    return this.forgotten;
  }

  copy(): RefusedCommandIds {
    const copy = new RefusedCommandIds(this.limit);
    copy.forgotten = this.forgotten;
    copy.ids = this.ids === null ? null : new Set(this.ids);
    return copy;
  }
}
