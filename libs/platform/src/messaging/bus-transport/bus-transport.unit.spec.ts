import { Controller, Inject, type OnModuleInit } from '@nestjs/common';
import type { CustomStrategy } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import { type BatchHandler, type Envelope, InProcessBus, type SubscribeOptions } from '@subledger/messaging';
import { createHttpAdapter } from '../../bootstrap/http-adapter';
import { GivenInfrastructureModule } from '../../testing/given-infrastructure.module';
import { BusEventHandler, BusHandler } from './bus-handler.decorator';
import { busTransportOf, initWithBusHandlers } from './bus-handlers';
import { BusTransport } from './bus-transport';

const STEPS = Symbol('STEPS');

@Controller()
class EchoController implements OnModuleInit {
  constructor(@Inject(STEPS) private readonly steps: string[]) {}

  async onModuleInit(): Promise<void> {
    await Promise.resolve();
    this.steps.push('init');
  }

  @BusHandler('echo', 'echoes', { onRepeatedFailure: 'retry' })
  async echo(batch: Envelope<string>[]): Promise<string[]> {
    this.steps.push(`batch of ${batch.length}`);
    if (batch.some((message) => message.value === 'fail')) throw new Error('the database is down');
    return batch.map((message) => message.value.toUpperCase());
  }

  @BusEventHandler('noted', 'notes')
  note(batch: Envelope<string>[]): void {
    this.steps.push(...batch.map((message) => `noted ${message.value}`));
  }
}

interface Subscribed {
  topic: string;
  group: string;
  handler: BatchHandler;
  options?: SubscribeOptions;
}

/** An in-process bus that also records what was subscribed, and the steps of the app's start. */
function recordingBus() {
  const bus = new InProcessBus();
  const steps: string[] = [];
  const subscribed: Subscribed[] = [];
  const subscribe = bus.subscribe.bind(bus);
  bus.subscribe = <T, R>(topic: string, group: string, handler: BatchHandler<T, R>, options?: SubscribeOptions) => {
    steps.push(`subscribe ${topic}`);
    subscribed.push({ topic, group, handler: handler as BatchHandler, options });
    subscribe(topic, group, handler, options);
  };
  return { bus, steps, subscribed };
}

async function testingModule(bus: InProcessBus, steps: string[]) {
  return Test.createTestingModule({
    imports: [GivenInfrastructureModule.with({ store: {}, bus })],
    controllers: [EchoController],
    providers: [{ provide: STEPS, useValue: steps }],
  }).compile();
}

/** A microservice on the bus transport over a recording bus, listening. */
async function listeningTransport() {
  const { bus, steps, subscribed } = recordingBus();
  const moduleRef = await testingModule(bus, steps);
  const app = moduleRef.createNestMicroservice<CustomStrategy>({ strategy: busTransportOf(moduleRef), logger: false });
  await app.listen();
  return { bus, steps, subscribed, app };
}

/** docs/architecture.md, §3 "Handlers". */
describe('BusTransport', () => {
  it('subscribes each handler with its topic, group and options once the modules have started', async () => {
    const { bus, steps, subscribed, app } = await listeningTransport();

    expect(steps).toEqual(['init', 'subscribe echo', 'subscribe noted']);
    expect(subscribed.map(({ topic, group, options }) => ({ topic, group, options }))).toEqual([
      { topic: 'echo', group: 'echoes', options: { onRepeatedFailure: 'retry' } },
      { topic: 'noted', group: 'notes', options: {} },
    ]);
    await app.close();
    bus.close();
  });

  it('gives the handler whole batches and sends back its replies; an event handler answers nothing', async () => {
    const { bus, steps, subscribed, app } = await listeningTransport();

    const replies = await Promise.all(
      ['a', 'b', 'c'].map((value) => bus.request<string>('echo', 'one-key', value, { timeoutMs: 5_000 })),
    );
    expect(replies).toEqual(['A', 'B', 'C']);
    expect(steps.filter((step) => step.startsWith('batch'))).toEqual(['batch of 3']);
    await bus.handOver('noted', 'k', 'x');
    expect(steps).toContain('noted x');
    const events = handlerOf(subscribed, 'noted');
    await expect(events([envelope('noted', 'y'), envelope('noted', 'z')])).resolves.toEqual([undefined, undefined]);
    await app.close();
    bus.close();
  });

  it('fails the batch with the error the handler threw, so the bus logs it and retries it as it is', async () => {
    const { bus, subscribed, app } = await listeningTransport();

    const echo = handlerOf(subscribed, 'echo');
    await expect(echo([envelope('echo', 'ok'), envelope('echo', 'fail')])).rejects.toThrow(
      new Error('the database is down'),
    );
    await app.close();
    bus.close();
  });

  it('starts a hybrid app as bootstrapHttp does: modules started, then handlers subscribed', async () => {
    const { bus, steps } = recordingBus();
    const moduleRef = await testingModule(bus, steps);
    const app = moduleRef.createNestApplication(createHttpAdapter(), { logger: false });
    await initWithBusHandlers(app);

    expect(steps).toEqual(['init', 'subscribe echo', 'subscribe noted']);
    await expect(bus.request('echo', 'k', 'hybrid', { timeoutMs: 5_000 })).resolves.toBe('HYBRID');
    await app.close();
    bus.close();
  });

  it('refuses a pattern that is not { topic, group }, and two handlers of one topic in one group', () => {
    const transport = new BusTransport(new InProcessBus());
    const handler = Object.assign(async () => [], {});
    expect(() => transport.addHandler('echo', handler)).toThrow(/is \{ topic, group \}/);
    transport.addHandler({ topic: 'echo', group: 'g' }, handler);
    expect(() => transport.addHandler({ topic: 'echo', group: 'g' }, handler)).toThrow(
      'Two bus handlers consume echo in group g',
    );
  });
});

function handlerOf(subscribed: readonly Subscribed[], topic: string): BatchHandler {
  const found = subscribed.find((subscription) => subscription.topic === topic);
  if (!found) throw new Error(`Nothing subscribed to ${topic}`);
  return found.handler;
}

function envelope(topic: string, value: string): Envelope<string> {
  return { topic, partition: 0, offset: 0, key: 'k', value, headers: {} };
}
