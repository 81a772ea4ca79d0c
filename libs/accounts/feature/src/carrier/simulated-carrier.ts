import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ACCOUNTS_OPTIONS, type ResolvedAccountsOptions } from '../accounts-options';
import type { DeliveryStatus } from '../commands/accounts-internal-command';
import { DeliveryReports } from './delivery-reports';
import type { CarrierMessage, MessageCarrier } from './message-carrier.port';

export const DELIVERY_FAILED = 'delivery_failed';

/**
 * The default carrier: after a step delay each message is `sent`, after another it is `delivered`,
 * or `failed` when the random draw falls under the failure rate. Test messages go the same way
 * (they are simply never charged, so never refunded). Nothing is delivered anywhere.
 */
@Injectable()
export class SimulatedCarrier implements MessageCarrier, OnApplicationShutdown {
  private readonly logger = new Logger(SimulatedCarrier.name);
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly timers = new Map<NodeJS.Timeout, () => void>();
  private stopped = false;

  constructor(
    private readonly reports: DeliveryReports,
    @Inject(ACCOUNTS_OPTIONS) private readonly options: ResolvedAccountsOptions,
  ) {}

  dispatch(message: CarrierMessage): void {
    if (this.stopped || this.inFlight.has(message.messageId)) return;
    const delivery = this.deliver(message)
      .catch((error: unknown) => this.logger.warn(`Delivery of message ${message.messageId} stopped: ${String(error)}`))
      .finally(() => this.inFlight.delete(message.messageId));
    this.inFlight.set(message.messageId, delivery);
  }

  /** Resolves once every delivery started so far has reported its last step. */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all(this.inFlight.values());
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    for (const [timer, release] of this.timers) {
      clearTimeout(timer);
      release();
    }
    this.timers.clear();
  }

  private async deliver(message: CarrierMessage): Promise<void> {
    const { failureRate, random } = this.options.carrier;
    if (!(await this.step(message, 'sent'))) return;
    const failed = random() < failureRate;
    await this.step(message, failed ? 'failed' : 'delivered');
  }

  /** Reports one step; false when the delivery is to stop there. */
  private async step(message: CarrierMessage, status: DeliveryStatus): Promise<boolean> {
    await this.pause();
    if (this.stopped) return false;
    const errorCode = status === 'failed' ? DELIVERY_FAILED : null;
    const reply = await this.reports.report({ teamId: message.teamId, messageId: message.messageId, status, errorCode });
    if (!reply.ok) this.logger.warn(`Message ${message.messageId} could not move to ${status}: ${reply.refusal.type}`);
    return reply.ok;
  }

  /** Waits one step delay; shutdown ends the wait early and the delivery stops there. */
  private pause(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, this.options.carrier.stepDelayMs);
      this.timers.set(timer, resolve);
    });
  }
}
