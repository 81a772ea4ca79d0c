import { Inject, Injectable } from '@nestjs/common';
import type { KeyIdentity } from '@subledger/contracts';
import { type Clock, CLOCK } from '@subledger/platform';
import { IdentityLookup } from './identity-lookup';

/** docs/contract.md §8.4: a revocation through another replica must fail here within one second. */
export const IDENTITY_TTL_MS = 1000;

/** Bounds memory under a flood of distinct unknown keys; entries live a second at most anyway. */
const MAX_ENTRIES = 100_000;

interface Entry {
  readonly identity: KeyIdentity | null;
  readonly expiresAt: number;
}

/**
 * Key identities by digest, each kept at most one second from the moment its lookup started, so
 * authenticating does not cost a round trip to the accounts service on every request. Concurrent
 * lookups of one digest share one request. Routes that revoke keys or change an account's status
 * call an `invalidate...` method after the change, so the next call through this gateway sees it
 * (read-your-writes); other replicas see it when their entry expires.
 */
@Injectable()
export class IdentityCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<KeyIdentity | null>>();
  /** Bumped by every invalidation: a lookup that started before one must not store its result. */
  private generation = 0;

  constructor(
    private readonly lookup: IdentityLookup,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async identify(digest: string): Promise<KeyIdentity | null> {
    const startedAt = this.clock.now();
    const cached = this.entries.get(digest);
    if (cached && cached.expiresAt > startedAt) return cached.identity;
    if (cached) this.entries.delete(digest);
    const pending = this.inFlight.get(digest);
    if (pending) return pending;
    const generation = this.generation;
    const lookup = this.lookup.find(digest).then((identity) => {
      if (generation === this.generation) this.store(digest, { identity, expiresAt: startedAt + IDENTITY_TTL_MS });
      return identity;
    });
    const settle = () => {
      if (this.inFlight.get(digest) === lookup) this.inFlight.delete(digest);
    };
    lookup.then(settle, settle);
    this.inFlight.set(digest, lookup);
    return lookup;
  }

  /** After a key was revoked through this gateway. */
  invalidateKey(keyId: string): void {
    this.invalidateWhere((identity) => identity.keyId === keyId);
  }

  /** After an account was suspended, resumed, deactivated, scheduled for deletion or restored. */
  invalidateAccount(accountId: string): void {
    this.invalidateWhere((identity) => identity.accountId === accountId);
  }

  invalidateTeam(teamId: string): void {
    this.invalidateWhere((identity) => identity.teamId === teamId);
  }

  invalidateAll(): void {
    this.generation++;
    this.inFlight.clear();
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private invalidateWhere(matches: (identity: KeyIdentity) => boolean): void {
    this.generation++;
    this.inFlight.clear();
    for (const [digest, entry] of this.entries) {
      if (entry.identity && matches(entry.identity)) this.entries.delete(digest);
    }
  }

  private store(digest: string, entry: Entry): void {
    this.entries.delete(digest);
    if (this.entries.size >= MAX_ENTRIES) this.evictOldest();
    this.entries.set(digest, entry);
  }

  private evictOldest(): void {
    const now = this.clock.now();
    for (const [digest, entry] of this.entries) {
      if (entry.expiresAt <= now || this.entries.size >= MAX_ENTRIES) this.entries.delete(digest);
      else break;
    }
  }
}
