import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type AccountsServiceRefusal, type ServiceReply, Topics } from '@subledger/contracts';
import type { MessageBus } from '@subledger/messaging';
import { type Clock, CLOCK, MESSAGE_BUS } from '@subledger/platform';
import { ACCOUNTS_OPTIONS, type ResolvedAccountsOptions } from '../accounts-options';
import type { AccountsInternalCommand, AccountsInternalReplies } from '@subledger/contracts';
import { AccountsReadModel } from '../read-model/accounts-read-model';

type ScheduleReply = ServiceReply<AccountsInternalReplies['RunDeletionSchedule'], AccountsServiceRefusal>;

export interface DeletionSweepResult {
  readonly teamId: string;
  readonly accountId: string;
  readonly reply: ScheduleReply;
}

/**
 * Drives pending deletions on the injected clock: `runDue()` finds every account with a reminder
 * or a purge due now and sends it through its team's command queue, so the sweep is one more
 * write of the team's single writer. A periodic trigger calls it (`deletionSweepIntervalMs`);
 * tests turn that off, move a ManualClock and call `runDue()` themselves.
 */
@Injectable()
export class DeletionScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeletionScheduler.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ACCOUNTS_OPTIONS) private readonly options: ResolvedAccountsOptions,
    private readonly readModel: AccountsReadModel,
  ) {}

  async runDue(): Promise<DeletionSweepResult[]> {
    const at = this.clock.now();
    const due = await this.readModel.projects.deletionsDue(this.readModel.db, at);
    const results: DeletionSweepResult[] = [];
    for (const { team_id: teamId, id: accountId } of due) {
      const command: AccountsInternalCommand = { type: 'RunDeletionSchedule', teamId, accountId, at };
      const reply = await this.bus.request<ScheduleReply>(Topics.accountsCommands, teamId, command, {
        timeoutMs: this.options.deletionStepTimeoutMs,
      });
      if (!reply.ok) this.logger.warn(`Deletion schedule of account ${accountId} refused: ${reply.refusal.type}`);
      results.push({ teamId, accountId, reply });
    }
    return results;
  }

  onApplicationBootstrap(): void {
    const interval = this.options.deletionSweepIntervalMs;
    if (interval === null) return;
    this.timer = setInterval(() => this.sweep(), interval);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One sweep at a time: a slow sweep makes the next tick skip rather than pile up. */
  private sweep(): void {
    if (this.running) return;
    this.running = this.runDue()
      .catch((error: unknown) => this.logger.error(`Deletion sweep failed: ${String(error)}`))
      .finally(() => (this.running = null));
  }
}
