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

const request = { to: '+14155550100', text: 'Hello' };

describe('message id (= charge id)', () => {
  it('is random without an idempotency key', () => {
    expect(messageIdFor(identity(), undefined, request)).toMatch(/^msg_[0-9A-Za-z]{22}$/);
    expect(messageIdFor(identity(), undefined, request)).not.toBe(messageIdFor(identity(), undefined, request));
    expect(messageIdFor(identity(), '', request)).not.toBe(messageIdFor(identity(), '', request));
  });

  it('is the same for a retry with the same key and request, whichever key of the account sends it', () => {
    expect(messageIdFor(identity(), 'order-42', request)).toBe(
      messageIdFor(identity({ keyId: 'key_2' }), 'order-42', { text: 'Hello', to: '+14155550100' }),
    );
  });

  it('differs for another request under the same key', () => {
    expect(messageIdFor(identity(), 'order-42', request)).not.toBe(
      messageIdFor(identity(), 'order-42', { ...request, text: 'Hello!' }),
    );
  });

  it('differs between accounts and between live and test sends with the same key', () => {
    const ids = [
      messageIdFor(identity(), 'order-42', request),
      messageIdFor(identity({ accountId: 'proj_2' }), 'order-42', request),
      messageIdFor(identity({ environment: 'test' }), 'order-42', request),
    ];
    expect(new Set(ids).size).toBe(3);
  });
});
