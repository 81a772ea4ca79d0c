import { invalidPaths, validateRequest } from '../../responses/testing/validate-request';
import { extraFieldsOf } from './extra-fields';
import { SendMessageRequest } from './send-message.request.dto';

describe('POST /v1/messages body', () => {
  it.each([
    ['an SMS', { to: '+14155550100', text: 'Hello' }],
    ['8 and 15 digits', { to: '+12345678', text: 'x' }],
    ['15 digits', { to: '+123456789012345', text: 'x' }],
    [
      'an email',
      { to: 'ana@example.com', channel: 'email', subject: 'Hi', htmlBody: '<p>Hi</p>', replyTo: 'ops@example.com' },
    ],
    [
      'every Zavu field',
      {
        to: '+14155550100',
        channel: 'whatsapp',
        messageType: 'buttons',
        text: 'Pick one',
        metadata: { order: '42' },
        idempotencyKey: 'k-1',
        fallbackEnabled: false,
        voiceLanguage: 'en-US',
        content: {
          buttons: [{ id: 'a', title: 'A' }],
          sections: [{ title: 'S', rows: [{ id: 'r', title: 'R', description: 'D' }] }],
          referral: { sourceType: 'ad', mediaType: 'image' },
          templateVariables: { '1': 'Ana' },
          latitude: -12.05,
          longitude: -77.04,
        },
      },
    ],
    [
      'email attachments',
      {
        to: 'ana@example.com',
        subject: 'S',
        text: 'x',
        attachments: [{ filename: 'a.pdf', content: 'QUJD', content_type: 'application/pdf' }],
      },
    ],
  ])('accepts %s', async (_case, body) => {
    expect(await invalidPaths(SendMessageRequest, body)).toEqual([]);
  });

  it.each([
    ['no recipient', { text: 'x' }, ['to']],
    ['a number without +', { to: '14155550100', text: 'x' }, ['to']],
    ['7 digits', { to: '+1234567', text: 'x' }, ['to']],
    ['16 digits', { to: '+1234567890123456', text: 'x' }, ['to']],
    ['a chat id', { to: '123456789', channel: 'telegram', text: 'x' }, ['to']],
    ['an unknown channel', { to: '+14155550100', channel: 'pigeon', text: 'x' }, ['channel']],
    ['an unknown message type', { to: '+14155550100', messageType: 'poem', text: 'x' }, ['messageType']],
    ['a text that is not a string', { to: '+14155550100', text: 5 }, ['text']],
    [
      'an idempotency key of 256 characters',
      { to: '+14155550100', text: 'x', idempotencyKey: 'k'.repeat(256) },
      ['idempotencyKey'],
    ],
    ['nested metadata', { to: '+14155550100', text: 'x', metadata: { a: { b: 1 } } }, ['metadata']],
    ['an unknown top-level field', { to: '+14155550100', text: 'x', priority: 'high' }, ['priority']],
    ['an unknown content field', { to: '+14155550100', text: 'x', content: { colour: 'red' } }, ['content.colour']],
    [
      'a fourth button',
      { to: '+14155550100', text: 'x', content: { buttons: [1, 2, 3, 4].map((i) => ({ id: `${i}`, title: 'B' })) } },
      ['content.buttons'],
    ],
    [
      'a button without a title',
      { to: '+14155550100', text: 'x', content: { buttons: [{ id: 'a' }] } },
      ['content.buttons[0].title'],
    ],
    [
      'template variables that are not strings',
      { to: '+14155550100', text: 'x', content: { templateVariables: { '1': 2 } } },
      ['content.templateVariables'],
    ],
    [
      'an attachment without a file name',
      { to: 'a@b.co', subject: 's', text: 'x', attachments: [{ path: 'https://x' }] },
      ['attachments[0].filename'],
    ],
    ['a reply-to that is not an address', { to: 'a@b.co', subject: 's', text: 'x', replyTo: 'nobody' }, ['replyTo']],
  ])('refuses %s', async (_case, body, paths) => {
    expect(await invalidPaths(SendMessageRequest, body)).toEqual(paths);
  });

  it('stores the optional Zavu fields as plain JSON, and nothing when none was sent', async () => {
    const result = await validateRequest(SendMessageRequest, {
      to: '+14155550100',
      messageType: 'image',
      content: { mediaUrl: 'https://x.test/a.png', buttons: [{ id: 'a', title: 'A' }] },
      fallbackEnabled: true,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const extra = extraFieldsOf(result.value);
    expect(extra).toEqual({
      content: { mediaUrl: 'https://x.test/a.png', buttons: [{ id: 'a', title: 'A' }] },
      fallbackEnabled: true,
    });
    expect(Object.getPrototypeOf(extra?.['content'])).toBe(Object.prototype);
    const plain = await validateRequest(SendMessageRequest, { to: '+14155550100', text: 'x' });
    expect(plain.ok && extraFieldsOf(plain.value)).toBeNull();
  });
});
