import type { KeyIdentity } from '@subledger/contracts';
import { KeyIdentityChanges, ManualClock } from '@subledger/platform';
import { IDENTITY_TTL_IN_ONE_PROCESS_MS, IdentityCache } from './identity-cache';
import type { IdentityLookup } from './identity-lookup';

const identity = (n: number, changes: Partial<KeyIdentity> = {}): KeyIdentity => ({
  keyId: `key_${n}`,
  accountId: `acc_${n}`,
  teamId: 'team_1',
  accountKind: 'main',
  accountStatus: 'active',
  environment: 'live',
  digest: `digest_${n}`,
  revoked: false,
  ...changes,
});

/** A lookup whose answers the test settles one by one. */
class ScriptedLookup {
  readonly asked: string[] = [];
  readonly answers = new Map<string, KeyIdentity | null>();
  private readonly waiting: (() => void)[] = [];

  find(digest: string): Promise<KeyIdentity | null> {
    this.asked.push(digest);
    const answer = this.answers.get(digest) ?? null;
    return new Promise((resolve) => this.waiting.push(() => resolve(answer)));
  }

  settleAll(): void {
    this.waiting.splice(0).forEach((settle) => settle());
  }
}

describe('IdentityCache', () => {
  let clock: ManualClock;
  let lookup: ScriptedLookup;
  let cache: IdentityCache;

  beforeEach(() => {
    clock = new ManualClock();
    lookup = new ScriptedLookup();
    cache = new IdentityCache(lookup as unknown as IdentityLookup, clock);
    lookup.answers.set('d1', identity(1));
  });

  const identify = async (digest: string) => {
    const pending = cache.identify(digest);
    lookup.settleAll();
    return pending;
  };

  it('shares one lookup between concurrent requests for a digest', async () => {
    const all = Promise.all([cache.identify('d1'), cache.identify('d1'), cache.identify('d1')]);
    lookup.settleAll();
    expect(await all).toEqual([identity(1), identity(1), identity(1)]);
    expect(lookup.asked).toEqual(['d1']);
  });

  it('keeps an answer one second from when its lookup started, not from when it came back', async () => {
    const pending = cache.identify('d1');
    clock.advance(400);
    lookup.settleAll();
    await pending;
    clock.advance(599);
    await identify('d1');
    expect(lookup.asked).toHaveLength(1);
    clock.advance(1);
    await identify('d1');
    expect(lookup.asked).toHaveLength(2);
  });

  it('caches unknown digests too, for the same second', async () => {
    expect(await identify('unknown')).toBeNull();
    expect(await identify('unknown')).toBeNull();
    expect(lookup.asked).toEqual(['unknown']);
  });

  it('forgets entries by key, account or team, and asks again', async () => {
    lookup.answers.set('d2', identity(2));
    await identify('d1');
    await identify('d2');
    cache.invalidateKey('key_1');
    expect(cache.size).toBe(1);
    cache.invalidateAccount('acc_2');
    expect(cache.size).toBe(0);
    await identify('d1');
    await identify('d2');
    cache.invalidateTeam('team_1');
    expect(cache.size).toBe(0);
    expect(lookup.asked).toEqual(['d1', 'd2', 'd1', 'd2']);
  });

  it('does not store an answer whose lookup started before an invalidation', async () => {
    const stale = cache.identify('d1');
    cache.invalidateKey('key_1');
    lookup.answers.set('d1', identity(1, { revoked: true }));
    const fresh = cache.identify('d1');
    lookup.settleAll();
    expect(await stale).toEqual(identity(1));
    expect(await fresh).toEqual(identity(1, { revoked: true }));
    expect(await identify('d1')).toEqual(identity(1, { revoked: true }));
    expect(lookup.asked).toEqual(['d1', 'd1']);
  });

  it('does not keep a failed lookup', async () => {
    const failing = { find: jest.fn().mockRejectedValueOnce(new Error('timeout')).mockResolvedValue(identity(1)) };
    const flaky = new IdentityCache(failing as unknown as IdentityLookup, clock);
    await expect(flaky.identify('d1')).rejects.toThrow('timeout');
    expect(await flaky.identify('d1')).toEqual(identity(1));
  });

  describe('in one process with the accounts service (KeyIdentityChanges)', () => {
    let changes: KeyIdentityChanges;
    let local: IdentityCache;

    beforeEach(() => {
      changes = new KeyIdentityChanges();
      local = new IdentityCache(lookup as unknown as IdentityLookup, clock, changes);
      lookup.answers.set('d2', identity(2, { teamId: 'team_2' }));
    });

    const identifyLocally = async (digest: string) => {
      const pending = local.identify(digest);
      lookup.settleAll();
      return pending;
    };

    it('keeps an answer a minute instead of a second', async () => {
      await identifyLocally('d1');
      clock.advance(IDENTITY_TTL_IN_ONE_PROCESS_MS - 1);
      await identifyLocally('d1');
      expect(lookup.asked).toEqual(['d1']);
      clock.advance(1);
      await identifyLocally('d1');
      expect(lookup.asked).toEqual(['d1', 'd1']);
    });

    it("forgets a team's identities when the accounts service reports a change of that team, and only those", async () => {
      await identifyLocally('d1');
      await identifyLocally('d2');
      lookup.answers.set('d1', identity(1, { revoked: true }));
      changes.changed('team_1');
      expect(await identifyLocally('d1')).toEqual(identity(1, { revoked: true }));
      await identifyLocally('d2');
      expect(lookup.asked).toEqual(['d1', 'd2', 'd1']);
    });

    it('does not keep the answer of a lookup that was in flight when the change was reported', async () => {
      const before = local.identify('d1');
      changes.changed('team_1');
      lookup.settleAll();
      expect(await before).toEqual(identity(1));
      lookup.answers.set('d1', identity(1, { accountStatus: 'inactive' }));
      expect(await identifyLocally('d1')).toEqual(identity(1, { accountStatus: 'inactive' }));
    });

    it('stops listening when the module is destroyed', async () => {
      await identifyLocally('d1');
      local.onModuleDestroy();
      changes.changed('team_1');
      await identifyLocally('d1');
      expect(lookup.asked).toEqual(['d1']);
    });
  });
});
