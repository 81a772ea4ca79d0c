import type { MessageChannel } from '@subledger/pricing';
import { messageRuleErrors } from './message-rules';
import type { SendMessageRequest } from './send-message.request.dto';

const paths = (body: Partial<SendMessageRequest>, channel: MessageChannel) =>
  messageRuleErrors({ to: '+14155550100', ...body } as SendMessageRequest, channel).map((error) => error.path);

describe('rules of a send request once its channel is known', () => {
  it('accepts an SMS text and an email with a subject and an HTML body only', () => {
    expect(paths({ text: 'Hi' }, 'sms')).toEqual([]);
    expect(paths({ to: 'ana@example.com', subject: 'Hi', htmlBody: '<p>Hi</p>' }, 'email')).toEqual([]);
    expect(paths({ messageType: 'image', content: { mediaUrl: 'https://x.test/a.png' } }, 'whatsapp')).toEqual([]);
  });

  it('sends an email to an address and every other channel to a phone number', () => {
    expect(paths({ to: '+14155550100', subject: 'Hi', text: 'Hi' }, 'email')).toEqual(['to']);
    expect(paths({ to: 'ana@example.com', text: 'Hi' }, 'sms')).toEqual(['to']);
  });

  it('wants a subject for an email and a text for a text message', () => {
    expect(paths({ to: 'ana@example.com', text: 'Hi' }, 'email')).toEqual(['subject']);
    expect(paths({}, 'sms')).toEqual(['text']);
    expect(paths({ text: '' }, 'whatsapp')).toEqual(['text']);
  });

  it('attaches files to emails only', () => {
    expect(paths({ text: 'Hi', attachments: [{ filename: 'a.pdf' }] }, 'sms')).toEqual(['attachments']);
    expect(
      paths({ to: 'ana@example.com', subject: 'S', text: 'Hi', attachments: [{ filename: 'a.pdf' }] }, 'email'),
    ).toEqual([]);
  });

  it('reports every broken rule at once', () => {
    expect(paths({ to: '+14155550100', attachments: [] }, 'email')).toEqual(['to', 'subject', 'text']);
  });
});
