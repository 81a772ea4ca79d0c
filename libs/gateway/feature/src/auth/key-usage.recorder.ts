import { type BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { type AccountsCommandRequest, type KeyIdentity, Topics } from '@subledger/contracts';
import type { MessageBus } from '@subledger/messaging';
import { MESSAGE_BUS } from '@subledger/platform';

export const KEY_USAGE_FLUSH_MS = 5000;

interface Usage {
  readonly teamId: string;
  readonly at: number;
}

/**
 * Keeps `lastUsedAt` without a database write per request: the latest use of each key is held in
 * memory and sent every few seconds, and at shutdown, as one `RecordKeyUsage` command per team on
 * `accounts.commands`. A batch that cannot be sent is kept for the next flush.
 */
@Injectable()
export class KeyUsageRecorder implements BeforeApplicationShutdown {
  private readonly logger = new Logger(KeyUsageRecorder.name);
  private pending = new Map<string, Usage>();

  constructor(@Inject(MESSAGE_BUS) private readonly bus: MessageBus) {}

  record(identity: KeyIdentity, at: number): void {
    this.remember(identity.keyId, identity.teamId, at);
  }

  @Interval(KEY_USAGE_FLUSH_MS)
  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    for (const [teamId, usages] of groupByTeam(batch)) {
      const command: AccountsCommandRequest = { type: 'RecordKeyUsage', teamId, usages };
      try {
        await this.bus.publish(Topics.accountsCommands, teamId, command);
      } catch (error) {
        this.logger.warn(
          `Could not send key usage of team ${teamId}, keeping it for the next flush: ${(error as Error).message}`,
        );
        for (const usage of usages) this.remember(usage.keyId, teamId, usage.at);
      }
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.flush();
  }

  private remember(keyId: string, teamId: string, at: number): void {
    const previous = this.pending.get(keyId);
    if (!previous || previous.at < at) this.pending.set(keyId, { teamId, at });
  }
}

function groupByTeam(batch: Map<string, Usage>): Map<string, { keyId: string; at: number }[]> {
  const byTeam = new Map<string, { keyId: string; at: number }[]>();
  for (const [keyId, { teamId, at }] of batch) {
    const usages = byTeam.get(teamId) ?? [];
    usages.push({ keyId, at });
    byTeam.set(teamId, usages);
  }
  return byTeam;
}
