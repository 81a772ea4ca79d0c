import type { MessageChannel } from '@subledger/pricing';
import type { RequestedChannel } from '../message-kinds';
import { isEmailAddress } from '../recipient';

/**
 * The channel a message goes over (docs/contract.md §5): the one named, else email for an email address,
 * SMS for a text message and WhatsApp for every other type.
 */
export function resolveChannel(
  requested: RequestedChannel | undefined,
  to: string,
  messageType: string,
): MessageChannel {
  if (requested !== undefined && requested !== 'auto') return requested;
  if (isEmailAddress(to)) return 'email';
  return messageType === 'text' ? 'sms' : 'whatsapp';
}
