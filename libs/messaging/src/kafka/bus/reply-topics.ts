import { TopicAdmin } from '../topic-admin.port';

const missingRecheckMs = 10_000;
const mostRemembered = 10_000;

/**
 * Which reply topics still exist. A requester deletes its reply topic when it closes, and a send
 * to a missing topic would fail (no auto-creation) after seconds of retries, holding the whole
 * partition back; the replies for a requester that is gone are dropped instead, as nobody waits.
 */
export class ReplyTopics {
  private readonly existing = new Set<string>();
  private readonly missingSince = new Map<string, number>();

  constructor(private readonly admin: TopicAdmin) {}

  async filterExisting(topics: Iterable<string>): Promise<Set<string>> {
    const wanted = new Set(topics);
    const now = Date.now();
    // A topic seen missing is checked again after a while, in case the broker's metadata lagged.
    const unknown = [...wanted].filter(
      (topic) => !this.existing.has(topic) && !(now - (this.missingSince.get(topic) ?? -Infinity) < missingRecheckMs),
    );
    if (unknown.length > 0) {
      const listed = new Set(await this.admin.listTopics());
      if (this.missingSince.size > mostRemembered) this.missingSince.clear();
      for (const topic of unknown) {
        if (listed.has(topic)) {
          this.existing.add(topic);
          this.missingSince.delete(topic);
        } else this.missingSince.set(topic, now);
      }
    }
    return new Set([...wanted].filter((topic) => this.existing.has(topic)));
  }

  /** After a failed send: the topic may have been deleted since, so it is looked up again next time. */
  forget(topics: Iterable<string>): void {
    for (const topic of topics) this.existing.delete(topic);
  }
}
