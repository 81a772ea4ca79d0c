import type { KeyIdentity } from '@subledger/contracts';
import type { MessageBus } from '@subledger/messaging';
import { KeyUsageRecorder } from './key-usage.recorder';

const key = (keyId: string, teamId: string) => ({ keyId, teamId }) as KeyIdentity;

describe('KeyUsageRecorder', () => {
  it('sends the latest use of each key, one command per team, and nothing when idle', async () => {
    const publish = jest.fn();
    const recorder = new KeyUsageRecorder({ publish } as unknown as MessageBus);
    recorder.record(key('k1', 't1'), 300);
    recorder.record(key('k1', 't1'), 100);
    recorder.record(key('k2', 't2'), 200);
    recorder.record(key('k3', 't1'), 250);
    await recorder.flush();
    expect(publish.mock.calls).toEqual([
      [
        'accounts.commands',
        't1',
        {
          type: 'RecordKeyUsage',
          teamId: 't1',
          usages: [
            { keyId: 'k1', at: 300 },
            { keyId: 'k3', at: 250 },
          ],
        },
      ],
      ['accounts.commands', 't2', { type: 'RecordKeyUsage', teamId: 't2', usages: [{ keyId: 'k2', at: 200 }] }],
    ]);
    await recorder.flush();
    expect(publish).toHaveBeenCalledTimes(2);
  });

  it('keeps a batch it could not send for the next flush, merged with newer uses', async () => {
    const publish = jest.fn().mockRejectedValueOnce(new Error('broker down')).mockResolvedValue(undefined);
    const recorder = new KeyUsageRecorder({ publish } as unknown as MessageBus);
    jest.spyOn(recorder['logger'], 'warn').mockImplementation(() => undefined);
    recorder.record(key('k1', 't1'), 100);
    await recorder.flush();
    recorder.record(key('k1', 't1'), 50);
    recorder.record(key('k2', 't1'), 60);
    await recorder.flush();
    expect(publish).toHaveBeenLastCalledWith('accounts.commands', 't1', {
      type: 'RecordKeyUsage',
      teamId: 't1',
      usages: [
        { keyId: 'k1', at: 100 },
        { keyId: 'k2', at: 60 },
      ],
    });
  });
});
