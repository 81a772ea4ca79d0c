/** What a carrier needs to know to deliver a recorded message; the content stays in the record. */
export interface CarrierMessage {
  readonly teamId: string;
  readonly accountId: string;
  readonly messageId: string;
  readonly channel: string;
  readonly isTest: boolean;
}

/**
 * Delivery, out of scope for Subledger itself: the accounts service hands every recorded message
 * to a carrier, which reports its progress through `DeliveryReports`. The default is
 * `SimulatedCarrier`; provide another implementation under `MESSAGE_CARRIER` to replace it.
 */
export interface MessageCarrier {
  /** Called once a message is recorded as `queued`, and again after a redelivery while it still is. */
  dispatch(message: CarrierMessage): void;
}

export const MESSAGE_CARRIER = Symbol('MESSAGE_CARRIER');
