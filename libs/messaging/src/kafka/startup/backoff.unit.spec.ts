import { Backoff, sleep } from './backoff';

describe('Backoff', () => {
  it('doubles from 250 ms up to a 5 s cap', () => {
    const backoff = new Backoff();
    expect(Array.from({ length: 8 }, () => backoff.delay())).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000, 5000]);
  });

  it('starts again from the first delay after a reset', () => {
    const backoff = new Backoff(100, 300);
    backoff.delay();
    backoff.delay();
    backoff.reset();
    expect([backoff.delay(), backoff.delay(), backoff.delay()]).toEqual([100, 200, 300]);
  });
});

describe('sleep', () => {
  it('ends early when its signal aborts', async () => {
    const abort = new AbortController();
    const started = Date.now();
    const slept = sleep(10_000, abort.signal);
    abort.abort();
    await slept;
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
