import { MessageBusClosedError } from '../../port/message-bus-closed.error';
import { RequestTimeoutError } from '../../port/request-timeout.error';
import { PendingRequests } from './pending-requests';

describe('PendingRequests', () => {
  it('drain once every request is answered, and not before', async () => {
    const pending = new PendingRequests();
    const answer = pending.wait<string>('a', 'ledger.commands', 10_000);
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
    const answer = pending.wait('b', 'ledger.commands', 20);
    const started = Date.now();
    await pending.drained(10_000);
    await expect(answer).rejects.toBeInstanceOf(RequestTimeoutError);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('stop waiting after the drain timeout, and fail what is left when told to', async () => {
    const pending = new PendingRequests();
    const answer = pending.wait('c', 'ledger.commands', 60_000);
    await pending.drained(10);
    pending.failAll();
    await expect(answer).rejects.toBeInstanceOf(MessageBusClosedError);
  });
});
