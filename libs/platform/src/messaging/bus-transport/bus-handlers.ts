import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import type { CustomStrategy } from '@nestjs/microservices';
import type { MessageBus } from '@subledger/messaging';
import { MESSAGE_BUS } from '../message-bus.module';
import { BusTransport } from './bus-transport';

/** The app's MESSAGE_BUS, or undefined for an app without one. */
export function busOf(app: INestApplicationContext): MessageBus | undefined {
  try {
    return app.get<MessageBus>(MESSAGE_BUS, { strict: false });
  } catch {
    return undefined;
  }
}

/** The bus transport over the app's MESSAGE_BUS, for `createNestMicroservice({ strategy })`. */
export function busTransportOf(app: INestApplicationContext): BusTransport {
  const bus = busOf(app);
  if (bus === undefined) throw new Error('The bus transport needs a MESSAGE_BUS provider');
  return new BusTransport(bus);
}

/**
 * Initialises an app with its bus handlers, as every service starts (docs/architecture.md, §3
 * "Handlers"): the bus transport is connected (Nest registers the BusHandler methods), the modules
 * are initialised (the stores migrated), and only then are the handlers subscribed. An app without
 * MESSAGE_BUS is only initialised. A Kafka bus joins its groups later, once the app listens.
 */
export async function initWithBusHandlers(app: INestApplication): Promise<void> {
  const bus = busOf(app);
  if (bus !== undefined) app.connectMicroservice<CustomStrategy>({ strategy: new BusTransport(bus) });
  await app.init();
  if (bus !== undefined) await app.startAllMicroservices();
}
