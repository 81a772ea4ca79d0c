import type { INestMicroservice } from '@nestjs/common';
import type { CustomStrategy } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import {
  type AccountsOrderedRead,
  accountsQueryKey,
  type AccountsQueryRequest,
  type AccountsReplies,
  type AccountsServiceRefusal,
  type ServiceReply,
  Topics,
} from '@subledger/contracts';
import type { SqlEventStore } from '@subledger/event-store';
import { InProcessBus } from '@subledger/messaging';
import { busTransportOf, ManualClock } from '@subledger/platform';
import { GivenInfrastructureModule } from '@subledger/platform/testing';
import { AccountsModule } from '../accounts.module';
import type { AccountsModuleOptions } from '../accounts-options';
import { SimulatedCarrier } from '../carrier/simulated-carrier';
import type { AccountsInternalReplies } from '@subledger/contracts';
import type { AccountsCommandMessage } from '../accounts-internal-command';
import { DeletionScheduler } from '../deletion/deletion-scheduler';
import { LedgerStandIn } from './ledger-stand-in';
import type { OpenedStore } from './test-backends';

type Replies = AccountsReplies & AccountsInternalReplies;
type Reply<T extends keyof Replies> = ServiceReply<Replies[T], AccountsServiceRefusal>;

/**
 * The accounts module on a real store and a real in-process bus, with the ledger stand-in on the
 * other side, a ManualClock, no periodic sweep and a carrier without delays.
 */
export class AccountsTestKit {
  private constructor(
    readonly app: INestMicroservice,
    readonly store: SqlEventStore,
    readonly bus: InProcessBus,
    readonly clock: ManualClock,
    readonly ledger: LedgerStandIn,
  ) {}

  static async start(
    opened: Pick<OpenedStore, 'store'>,
    options: AccountsModuleOptions = {},
  ): Promise<AccountsTestKit> {
    const bus = new InProcessBus();
    const clock = new ManualClock();
    const ledger = new LedgerStandIn();
    ledger.subscribe(bus);
    const moduleRef = await Test.createTestingModule({
      imports: [
        GivenInfrastructureModule.with({ store: opened.store, bus, clock }),
        AccountsModule.forRoot({
          deletionSweepIntervalMs: null,
          ledgerTimeoutMs: 10_000,
          ...options,
          carrier: { stepDelayMs: 0, ...options.carrier },
        }),
      ],
    }).compile();
    const app = moduleRef.createNestMicroservice<CustomStrategy>({ strategy: busTransportOf(moduleRef) });
    await app.listen();
    return new AccountsTestKit(app, opened.store, bus, clock, ledger);
  }

  get scheduler(): DeletionScheduler {
    return this.app.get(DeletionScheduler);
  }

  get carrier(): SimulatedCarrier {
    return this.app.get(SimulatedCarrier);
  }

  command<C extends AccountsCommandMessage>(command: C): Promise<Reply<C['type']>> {
    return this.bus.request(Topics.accountsCommands, command.teamId, command, { timeoutMs: 20_000 });
  }

  /**
   * Publishes everything at once, in this order, so that the consumer takes it as one batch of the
   * team's partition (the bus drains a partition on its next turn). A request is answered with its
   * reply; a `handOver` entry asks for none, as the gateway records messages, and answers undefined
   * once handled.
   */
  inOneBatch(
    teamId: string,
    entries: readonly (AccountsCommandMessage | AccountsOrderedRead | { handOver: AccountsCommandMessage })[],
  ): Promise<unknown[]> {
    return Promise.all(
      entries.map((entry) =>
        'handOver' in entry
          ? this.bus.handOver(Topics.accountsCommands, teamId, entry.handOver).then(() => undefined)
          : this.bus.request(Topics.accountsCommands, teamId, entry, { timeoutMs: 20_000 }),
      ),
    );
  }

  query<Q extends AccountsQueryRequest>(query: Q): Promise<Reply<Q['type']>> {
    return this.bus.request(Topics.accountsQueries, accountsQueryKey(query), query, { timeoutMs: 20_000 });
  }

  /** The value of a reply that must be ok. */
  async ok<C extends AccountsCommandMessage>(command: C): Promise<Replies[C['type']]> {
    return valueOf(await this.command(command));
  }

  async read<Q extends AccountsQueryRequest>(query: Q): Promise<Replies[Q['type']]> {
    return valueOf(await this.query(query));
  }

  async close(): Promise<void> {
    await this.app.close();
    this.bus.close();
  }
}

export function valueOf<T>(reply: ServiceReply<T, AccountsServiceRefusal>): T {
  if (!reply.ok) throw new Error(`Expected an ok reply, got ${JSON.stringify(reply.refusal)}`);
  return reply.value;
}
