import { Injectable } from '@nestjs/common';

/**
 * Where every service runs in one process (embedded mode, the in-process bus), the accounts
 * service says here that a team's keys or accounts changed, after the change is committed and
 * before it answers; the gateway forgets the key identities it keeps for that team. Every change
 * that can make a key stop (or start) authenticating is a lifecycle command of the accounts
 * service, the deletion sweep's included, so one process can keep identities for long without
 * serving a revoked key. Provided by `MessageBusModule.inProcess()` only: across processes a
 * gateway relies on the short life of what it keeps (docs/contract.md §8.4).
 */
@Injectable()
export class KeyIdentityChanges {
  private readonly listeners = new Set<(teamId: string) => void>();

  /** Calls `listener` with the team of every change; the returned function stops it. */
  listen(listener: (teamId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  changed(teamId: string): void {
    for (const listener of this.listeners) listener(teamId);
  }
}
