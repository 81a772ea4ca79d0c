import { ManualClock } from '@subledger/platform';
import type { MessageBus } from '@subledger/messaging';
import { resolveAccountsOptions } from '../accounts-options';
import type { AccountsReadModel } from '../read-model/accounts-read-model';
import { DeletionScheduler } from './deletion-scheduler';

function scheduler(intervalMs: number | null) {
  const requests: { topic: string; key: string; value: unknown }[] = [];
  const bus = {
    request: async (topic: string, key: string, value: unknown) => {
      requests.push({ topic, key, value });
      return { ok: true, value: { remindersRecorded: [1], purged: false } };
    },
  } as unknown as MessageBus;
  const readModel = {
    db: {},
    projects: { deletionsDue: async () => [{ team_id: 'team-1', id: 'acc-1' }] },
  } as unknown as AccountsReadModel;
  const clock = new ManualClock(1_000);
  const options = resolveAccountsOptions({ deletionSweepIntervalMs: intervalMs });
  return { requests, instance: new DeletionScheduler(bus, clock, options, readModel) };
}

describe('the deletion scheduler', () => {
  afterEach(() => jest.useRealTimers());

  it('sends each due account through its team`s command queue at the clock`s time', async () => {
    const { requests, instance } = scheduler(null);
    expect(await instance.runDue()).toEqual([
      { teamId: 'team-1', accountId: 'acc-1', reply: { ok: true, value: { remindersRecorded: [1], purged: false } } },
    ]);
    expect(requests).toEqual([
      {
        topic: 'accounts.commands',
        key: 'team-1',
        value: { type: 'RunDeletionSchedule', teamId: 'team-1', accountId: 'acc-1', at: 1_000 },
      },
    ]);
  });

  it('sweeps on every tick of its interval, and not at all when turned off', async () => {
    jest.useFakeTimers();
    const periodic = scheduler(60_000);
    const off = scheduler(null);
    periodic.instance.onApplicationBootstrap();
    off.instance.onApplicationBootstrap();

    await jest.advanceTimersByTimeAsync(120_000);
    expect(periodic.requests).toHaveLength(2);
    expect(off.requests).toHaveLength(0);
    await periodic.instance.onApplicationShutdown();
    await jest.advanceTimersByTimeAsync(120_000);
    expect(periodic.requests).toHaveLength(2);
  });
});
