import type { MessageChannel } from '@subledger/pricing';
import type { FieldError } from '../../errors';
import { isEmailAddress } from '../recipient';
import type { SendMessageRequest } from './send-message.request.dto';

/**
 * What a send request must hold once its channel is known; every broken rule is reported. An email
 * goes to an address with a subject; every other channel goes to a phone number; a text message
 * has a text (an email may carry its body as HTML instead); attachments travel by email only.
 */
export function messageRuleErrors(body: SendMessageRequest, channel: MessageChannel): FieldError[] {
  const errors: FieldError[] = [];
  const email = channel === 'email';
  if (email && !isEmailAddress(body.to))
    errors.push({ path: 'to', message: 'to must be an email address for the email channel' });
  if (!email && isEmailAddress(body.to))
    errors.push({ path: 'to', message: `to must be an E.164 phone number for the ${channel} channel` });
  if (email && !body.subject) errors.push({ path: 'subject', message: 'subject is required for an email' });
  const hasBody = Boolean(body.text) || (email && Boolean(body.htmlBody));
  if ((body.messageType ?? 'text') === 'text' && !hasBody)
    errors.push({ path: 'text', message: 'text is required for a text message' });
  if (!email && body.attachments !== undefined)
    errors.push({ path: 'attachments', message: 'attachments are only sent by email' });
  return errors;
}
