import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ACCOUNTS_OPTIONS, type ResolvedAccountsOptions } from '../accounts-options';
import type { DeliveryStatus, DeliveryStepReply } from '@subledger/contracts';
import { DeliveryReports } from './delivery-reports';
import { DueQueue } from './due-queue';
import type { CarrierMessage, MessageCarrier } from './message-carrier.port';

export const DELIVERY_FAILED = 'delivery_failed';

/** Due steps are gathered over at most this long (a tenth of the step delay when shorter), then reported together. */
const MAX_GATHER_MS = 100;

/**
 * Most steps in one report: a hot team's due steps are split so that a command and its reply stay
 * far below the broker's message size limit (1 MiB by default) and one batch's share of the work.
 */
export const MAX_STEPS_PER_REPORT = 200;

/** Wait before a report that got no answer (a timeout, the bus down) is sent again; at least the step delay. */
const MIN_RETRY_MS = 100;

interface Step {
  readonly message: CarrierMessage;
  readonly status: DeliveryStatus;
}

/**
 * The default carrier: after a step delay each message is `sent`, after another it is `delivered`,
 * or `failed` when the random draw falls under the failure rate. Test messages go the same way
 * (they are simply never charged, so never refunded). Nothing is delivered anywhere.
 *
 * Steps wait in one queue under one timer; the steps due together are reported in one command per
 * team, and a message's next step is queued only once its previous one was answered, so a
 * message's own steps stay in order. Only messages in flight are held in memory.
 */
@Injectable()
export class SimulatedCarrier implements MessageCarrier, OnApplicationShutdown {
  private readonly logger = new Logger(SimulatedCarrier.name);
  private readonly inFlight = new Map<string, CarrierMessage>();
  private readonly due = new DueQueue<Step>();
  private readonly idle: (() => void)[] = [];
  private timer: NodeJS.Timeout | null = null;
  /** Reports waiting to be sent again, with their steps. */
  private readonly retries = new Map<NodeJS.Timeout, readonly Step[]>();
  private stopped = false;

  constructor(
    private readonly reports: DeliveryReports,
    @Inject(ACCOUNTS_OPTIONS) private readonly options: ResolvedAccountsOptions,
  ) {}

  dispatch(message: CarrierMessage): void {
    if (this.stopped || this.inFlight.has(message.messageId)) return;
    this.inFlight.set(message.messageId, message);
    this.schedule({ message, status: 'sent' });
  }

  /** Resolves once every delivery started so far has reported its last step (or stopped). */
  settled(): Promise<void> {
    if (this.inFlight.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  /** Deliveries stop: queued steps are dropped, steps being reported finish without a next one. */
  onApplicationShutdown(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const [timer, steps] of this.retries) {
      clearTimeout(timer);
      for (const { message } of steps) this.finish(message.messageId);
    }
    this.retries.clear();
    for (const { message } of this.due.clear()) this.finish(message.messageId);
  }

  private schedule(step: Step): void {
    this.due.push(performance.now() + this.options.carrier.stepDelayMs, step);
    this.arm();
  }

  private arm(): void {
    const next = this.due.nextAt();
    if (this.timer !== null || next === undefined || this.stopped) return;
    const gather = Math.min(MAX_GATHER_MS, this.options.carrier.stepDelayMs / 10);
    this.timer = setTimeout(() => this.fire(), Math.max(0, next - performance.now()) + gather);
  }

  private fire(): void {
    this.timer = null;
    const byTeam = new Map<string, Step[]>();
    for (const step of this.due.takeDue(performance.now())) {
      const steps = byTeam.get(step.message.teamId) ?? [];
      steps.push(step);
      byTeam.set(step.message.teamId, steps);
    }
    for (const [teamId, steps] of byTeam) {
      for (let start = 0; start < steps.length; start += MAX_STEPS_PER_REPORT)
        void this.report(teamId, steps.slice(start, start + MAX_STEPS_PER_REPORT));
    }
    this.arm();
  }

  /**
   * A report that got no answer is sent again after a pause, for as long as the carrier runs:
   * steps only move forward and a failed message is refunded once, so a report applied whose answer
   * was lost changes nothing the second time. A refused report (a command the service cannot read)
   * would be refused again, so its messages stop there.
   */
  private async report(teamId: string, steps: readonly Step[], attempt = 1): Promise<void> {
    let replies: DeliveryStepReply[];
    try {
      const reply = await this.reports.reportMany(
        teamId,
        steps.map(({ message, status }) => ({
          messageId: message.messageId,
          status,
          errorCode: status === 'failed' ? DELIVERY_FAILED : null,
        })),
      );
      if (!reply.ok) {
        this.logger.warn(
          `Delivery of ${steps.length} messages of team ${teamId} stopped: the report was refused: ${JSON.stringify(reply.refusal)}`,
        );
        for (const { message } of steps) this.finish(message.messageId);
        return;
      }
      replies = reply.value.steps;
    } catch (error) {
      if (this.stopped) return steps.forEach(({ message }) => this.finish(message.messageId));
      const retryMs = Math.max(MIN_RETRY_MS, this.options.carrier.stepDelayMs) * Math.min(attempt, 10);
      this.logger.warn(
        `A report of ${steps.length} messages of team ${teamId} got no answer (attempt ${attempt}), sending it again in ${retryMs} ms: ${String(error)}`,
      );
      const timer = setTimeout(() => {
        this.retries.delete(timer);
        void this.report(teamId, steps, attempt + 1);
      }, retryMs);
      this.retries.set(timer, steps);
      return;
    }
    steps.forEach((step, i) => this.next(step, replies[i]));
  }

  /** After a step was answered: the draw for the last step, or the end of the delivery. */
  private next({ message, status }: Step, reply: DeliveryStepReply | undefined): void {
    if (!reply?.ok)
      this.logger.warn(
        `Message ${message.messageId} could not move to ${status}: ${reply ? reply.refusal.type : 'no reply'}`,
      );
    if (!reply?.ok || status !== 'sent' || this.stopped) return this.finish(message.messageId);
    const { failureRate, random } = this.options.carrier;
    this.schedule({ message, status: random() < failureRate ? 'failed' : 'delivered' });
  }

  private finish(messageId: string): void {
    this.inFlight.delete(messageId);
    if (this.inFlight.size === 0) for (const resolve of this.idle.splice(0)) resolve();
  }
}
