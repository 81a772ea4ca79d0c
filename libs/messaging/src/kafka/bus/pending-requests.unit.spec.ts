import { MessageBusClosedError } from '../../port/message-bus-closed.error';
import { RequestTimeoutError } from '../../port/request-timeout.error';
import { PendingRequests } from './pending-requests';
import { plainJson } from './topic-codecs';

describe('PendingRequests', () => {
  it('drain once every request is answered, and not before', async () => {
    const pending = new PendingRequests();
    const answer = pending.wait<string>('a', 'ledger.commands', 10_000, plainJson);
    let drained = false;
    const draining = pending.drained(10_000).then(() => (drained = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(drained).toBe(false);
    expect(pending.settle('a', { value: 'done' })).toBe(true);
    await draining;
    await expect(answer).resolves.toBe('done');
    expect(drained).toBe(true);
  });

  it('drain when the last request reaches its own deadline', async () => {
    const pending = new PendingRequests();
    const answer = pending.wait('b', 'ledger.commands', 20, plainJson);
    const started = Date.now();
    await pending.drained(10_000);
    await expect(answer).rejects.toBeInstanceOf(RequestTimeoutError);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('stop waiting after the drain timeout, and fail what is left when told to', async () => {
    const pending = new PendingRequests();
    const answer = pending.wait('c', 'ledger.commands', 60_000, plainJson);
    await pending.drained(10);
    pending.failAll();
    await expect(answer).rejects.toBeInstanceOf(MessageBusClosedError);
  });

  it('keep the reply codec chosen with the request, until it is settled', () => {
    const pending = new PendingRequests();
    void pending.wait('d', 'ledger.commands', 60_000, plainJson);
    expect(pending.replyCodecOf('d')).toBe(plainJson);
    pending.settle('d', { value: 1 });
    expect(pending.replyCodecOf('d')).toBeUndefined();
  });
});
