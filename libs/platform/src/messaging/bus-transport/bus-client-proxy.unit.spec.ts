import { InProcessBus, RequestTimeoutError } from '@subledger/messaging';
import { lastValueFrom } from 'rxjs';
import { BusClientProxy } from './bus-client-proxy';

/** docs/architecture.md, §3 "Handlers". */
describe('BusClientProxy', () => {
  it("sends a request on the key's partition and gives its reply, with the headers of the moment", async () => {
    const bus = new InProcessBus();
    const seen: { key: string; requestId: string | undefined }[] = [];
    bus.subscribe<string, string>('echo', 'echoes', async (batch) =>
      batch.map((message) => {
        seen.push({ key: message.key, requestId: message.headers['request-id'] });
        return message.value.toUpperCase();
      }),
    );
    const client = new BusClientProxy(bus, { timeoutMs: 5_000, headers: () => ({ 'request-id': 'req-1' }) });

    await expect(lastValueFrom(client.send({ topic: 'echo', key: 'team-1' }, 'hello'))).resolves.toBe('HELLO');
    expect(seen).toEqual([{ key: 'team-1', requestId: 'req-1' }]);
    bus.close();
  });

  it('fails with RequestTimeoutError past its deadline', async () => {
    const bus = new InProcessBus();
    const client = new BusClientProxy(bus, { timeoutMs: 50 });
    await expect(lastValueFrom(client.send({ topic: 'nobody', key: 'k' }, 'x'))).rejects.toBeInstanceOf(
      RequestTimeoutError,
    );
    bus.close();
  });

  it('emits as a hand-over: complete once every group of the topic has handled it', async () => {
    const bus = new InProcessBus();
    const handled: string[] = [];
    bus.subscribe<string, undefined>('records', 'writers', async (batch) =>
      batch.map((message) => void handled.push(message.value)),
    );
    const client = new BusClientProxy(bus, { timeoutMs: 5_000 });

    await lastValueFrom(client.emit({ topic: 'records', key: 'k' }, 'record-1'), { defaultValue: undefined });
    expect(handled).toEqual(['record-1']);
    bus.close();
  });

  it('refuses a pattern that is not { topic, key }', async () => {
    const client = new BusClientProxy(new InProcessBus(), { timeoutMs: 50 });
    await expect(lastValueFrom(client.send('echo', 'x'))).rejects.toThrow(/is \{ topic, key \}/);
  });
});
