import { Topics } from '@subledger/contracts';
import type { InProcessBus } from '@subledger/messaging';

export interface ChargeGate {
  /** Resolves once a charge has reached the gate and is being held there. */
  readonly reached: Promise<void>;
  /** Lets every held charge (and every later one) through to the ledger, and removes the gate. */
  open(): void;
}

/**
 * Holds the gateway's `ChargeMessage` requests on their way to the ledger until `open()`, so that
 * a test can act while a send is still in flight, without sleeping. Everything else on the bus
 * (key lookups, records, queries) passes untouched.
 */
export function holdCharges(bus: InProcessBus): ChargeGate {
  let open!: () => void;
  let reached!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const reachedGate = new Promise<void>((resolve) => (reached = resolve));
  const request = bus.request.bind(bus);
  const spy = jest.spyOn(bus, 'request').mockImplementation(async (topic, key, value, options) => {
    if (topic === Topics.ledgerCommands && (value as { type?: string }).type === 'ChargeMessage') {
      reached();
      await opened;
    }
    return request(topic, key, value, options);
  });
  return {
    reached: reachedGate,
    open: () => {
      spy.mockRestore();
      open();
    },
  };
}
