import { Inject, Injectable, type OnModuleDestroy, Optional } from '@nestjs/common';
import type { KeyIdentity } from '@subledger/contracts';
import { type Clock, CLOCK, KeyIdentityChanges } from '@subledger/platform';
import { IdentityLookup } from './identity-lookup';

/** docs/contract.md §8.4: a revocation through another replica must fail here within one second. */
export const IDENTITY_TTL_MS = 1000;
/**
 * In one process, where the accounts service tells this cache of every change before answering
 * (KeyIdentityChanges). Bounded all the same, so that nothing stays wrong for long if a change
 * ever bypassed it.
 */
export const IDENTITY_TTL_IN_ONE_PROCESS_MS = 60_000;

/** Bounds memory under a flood of distinct unknown keys. */
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
 * (read-your-writes); other replicas see it when their entry expires. In one process with the
 * accounts service, entries live a minute and every change of a team's keys or accounts drops
 * the team's entries before it is answered.
 */
@Injectable()
export class IdentityCache implements OnModuleDestroy {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<KeyIdentity | null>>();
  /** Bumped by every invalidation: a lookup that started before one must not store its result. */
  private generation = 0;

  private readonly ttlMs: number;
  private readonly stopListening: () => void;

  constructor(
    private readonly lookup: IdentityLookup,
    @Inject(CLOCK) private readonly clock: Clock,
    @Optional() changes?: KeyIdentityChanges,
  ) {
    this.ttlMs = changes ? IDENTITY_TTL_IN_ONE_PROCESS_MS : IDENTITY_TTL_MS;
    this.stopListening = changes?.listen((teamId) => this.invalidateTeam(teamId)) ?? (() => undefined);
  }

  onModuleDestroy(): void {
    this.stopListening();
  }

  async identify(digest: string): Promise<KeyIdentity | null> {
    const startedAt = this.clock.now();
    const cached = this.entries.get(digest);
    if (cached && cached.expiresAt > startedAt) return cached.identity;
    if (cached) this.entries.delete(digest);
    const pending = this.inFlight.get(digest);
    if (pending) return pending;
    const generation = this.generation;
    const lookup = this.lookup.find(digest).then((identity) => {
      if (generation === this.generation) this.store(digest, { identity, expiresAt: startedAt + this.ttlMs });
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
