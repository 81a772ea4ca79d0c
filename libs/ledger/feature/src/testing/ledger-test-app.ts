import type { CustomStrategy } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import { ledgerQueryKey, Topics } from '@subledger/contracts';
import type { LedgerCommand, LedgerCommandReply, LedgerQuery, LedgerQueryReply } from '@subledger/contracts';
import { type Envelope, InProcessBus, type InProcessBusOptions } from '@subledger/messaging';
import { busTransportOf, ManualClock } from '@subledger/platform';
import { GivenInfrastructureModule } from '@subledger/platform/testing';
import { LedgerCommandHandler } from '../commands/ledger-command.handler';
import { LedgerModule } from '../ledger.module';
import type { LedgerModuleOptions } from '../ledger-module.options';
import type { LedgerStore } from '../store/ledger-store';

export interface LedgerTestApp {
  readonly bus: InProcessBus;
  readonly clock: ManualClock;
  /** The handler the bus calls, for tests that deliver a batch by hand. */
  readonly commands: LedgerCommandHandler;
  send(command: LedgerCommand): Promise<LedgerCommandReply>;
  query<T extends LedgerQuery>(query: T): Promise<LedgerQueryReply<T['type']>>;
  close(): Promise<void>;
}

/**
 * The LedgerModule booted as an application boots it, over the given store, with a real in-process
 * bus: started (migrated), then its handlers subscribed by the bus transport.
 */
export async function startLedger(
  store: LedgerStore,
  options: LedgerModuleOptions = {},
  busOptions: InProcessBusOptions = {},
): Promise<LedgerTestApp> {
  const bus = new InProcessBus(busOptions);
  const clock = new ManualClock();
  const moduleRef = await Test.createTestingModule({
    imports: [GivenInfrastructureModule.with({ store, bus, clock }), LedgerModule.forRoot(options)],
  }).compile();
  const app = moduleRef.createNestMicroservice<CustomStrategy>({ strategy: busTransportOf(moduleRef) });
  await app.listen();
  return {
    bus,
    clock,
    commands: moduleRef.get(LedgerCommandHandler),
    send: (command) => bus.request(Topics.ledgerCommands, command.teamId, command, { timeoutMs: 20_000 }),
    query: (query) => bus.request(Topics.ledgerQueries, ledgerQueryKey(query), query, { timeoutMs: 20_000 }),
    close: async () => {
      bus.close();
      await app.close();
    },
  };
}

/** A batch as a transport delivers it: one partition, consecutive offsets from `firstOffset`. */
export function batchOf(commands: readonly LedgerCommand[], firstOffset = 0, partition = 0): Envelope<unknown>[] {
  return commands.map((command, i) => ({
    topic: Topics.ledgerCommands,
    partition,
    offset: firstOffset + i,
    key: command.teamId,
    value: command,
    headers: {},
  }));
}
