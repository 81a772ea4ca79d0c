import type { KeyIdentity } from '@subledger/contracts';
import { messageIdFor } from './message-id';

const identity = (fields: Partial<KeyIdentity> = {}): KeyIdentity => ({
  keyId: 'key_1',
  accountId: 'proj_1',
  teamId: 'team_1',
  accountKind: 'sub',
  digest: 'digest_1',
  accountStatus: 'active',
  environment: 'live',
  revoked: false,
  ...fields,
});

describe('message id (= charge id)', () => {
  it('is random without an idempotency key', () => {
    expect(messageIdFor(identity(), undefined)).toMatch(/^msg_[0-9A-Za-z]{22}$/);
    expect(messageIdFor(identity(), undefined)).not.toBe(messageIdFor(identity(), undefined));
    expect(messageIdFor(identity(), '')).not.toBe(messageIdFor(identity(), ''));
  });

  it('is the same for a retry with the same key, whichever key of the account sends it', () => {
    expect(messageIdFor(identity(), 'order-42')).toBe(messageIdFor(identity({ keyId: 'key_2' }), 'order-42'));
  });

  it('differs between accounts and between live and test sends with the same key', () => {
    const ids = [
      messageIdFor(identity(), 'order-42'),
      messageIdFor(identity({ accountId: 'proj_2' }), 'order-42'),
      messageIdFor(identity({ environment: 'test' }), 'order-42'),
    ];
    expect(new Set(ids).size).toBe(3);
  });
});
