import { ManualClock } from '@subledger/platform';
import { FixedWindowThrottlerStorage } from './fixed-window.storage';

const TTL = 60_000;

describe('FixedWindowThrottlerStorage', () => {
  const start = () => {
    const clock = new ManualClock();
    const storage = new FixedWindowThrottlerStorage(clock);
    return { clock, hit: (key = 'a') => storage.increment(key, TTL, 3, TTL, 'default') };
  };

  it('counts hits in a window that starts with the first one', async () => {
    const { clock, hit } = start();
    expect(await hit()).toEqual({ totalHits: 1, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 });
    clock.advance(20_500);
    expect(await hit()).toEqual({ totalHits: 2, timeToExpire: 40, isBlocked: false, timeToBlockExpire: 0 });
    expect(await hit('b')).toEqual({ totalHits: 1, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 });
  });

  it('blocks past the limit for the block duration, then counts from 1 again', async () => {
    const { clock, hit } = start();
    for (let i = 0; i < 3; i++) await hit();
    clock.advance(10_000);
    expect(await hit()).toEqual({ totalHits: 4, timeToExpire: 50, isBlocked: true, timeToBlockExpire: 60 });
    clock.advance(55_000);
    expect(await hit()).toMatchObject({ totalHits: 1, isBlocked: true, timeToBlockExpire: 5 });
    clock.advance(5_000);
    expect(await hit()).toEqual({ totalHits: 1, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 });
  });

  it('starts a new window once the last one is over', async () => {
    const { clock, hit } = start();
    for (let i = 0; i < 3; i++) await hit();
    clock.advance(TTL);
    expect(await hit()).toEqual({ totalHits: 1, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 });
  });

  it('keeps one counter per key, however many hits its window holds', async () => {
    const { hit } = start();
    const storage = new FixedWindowThrottlerStorage(new ManualClock());
    for (let i = 0; i < 300_000; i++) await storage.increment('busy', TTL, 1_000_000, TTL, 'default');
    expect(await storage.increment('busy', TTL, 1_000_000, TTL, 'default')).toMatchObject({
      totalHits: 300_001,
      isBlocked: false,
    });
    expect((await hit()).totalHits).toBe(1);
  });
});
