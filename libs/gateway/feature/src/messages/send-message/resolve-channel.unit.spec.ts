import { resolveChannel } from './resolve-channel';

describe('channel resolution (docs/contract.md §5)', () => {
  it.each([
    [undefined, 'ana@example.com', 'text', 'email'],
    ['auto', 'ana@example.com', 'image', 'email'],
    [undefined, '+14155550100', 'text', 'sms'],
    ['auto', '+14155550100', 'text', 'sms'],
    [undefined, '+14155550100', 'image', 'whatsapp'],
    ['auto', '+14155550100', 'template', 'whatsapp'],
    ['telegram', '+14155550100', 'text', 'telegram'],
    ['sms_oneway', '+14155550100', 'text', 'sms_oneway'],
    ['whatsapp', '+14155550100', 'text', 'whatsapp'],
  ] as const)('channel %s to %s of type %s goes by %s', (requested, to, messageType, channel) => {
    expect(resolveChannel(requested, to, messageType)).toBe(channel);
  });
});
