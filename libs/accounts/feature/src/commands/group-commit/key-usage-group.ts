import type { FoundKeys, KeyUsage } from '../../read-model/gathered-writes';

/**
 * The key usage reports of one group, written with one statement. Each report answers how many of
 * its keys exist in its team, as it did when written on its own.
 */
export class KeyUsageGroup {
  private readonly usages: KeyUsage[] = [];
  private readonly found = new Set<string>();

  /** Adds a report; the function it returns counts the report's keys once the group is written. */
  add(teamId: string, usages: readonly { readonly keyId: string; readonly at: number }[]): () => number {
    for (const { keyId, at } of usages) this.usages.push({ teamId, keyId, at });
    const keys = new Set(usages.map(({ keyId }) => foundKey(teamId, keyId)));
    return () => [...keys].filter((key) => this.found.has(key)).length;
  }

  all(): readonly KeyUsage[] {
    return this.usages;
  }

  /** The keys the write found, each in its team. */
  written(found: FoundKeys): void {
    for (const { teamId, keyId } of found) this.found.add(foundKey(teamId, keyId));
  }
}

function foundKey(teamId: string, keyId: string): string {
  return JSON.stringify([teamId, keyId]);
}
