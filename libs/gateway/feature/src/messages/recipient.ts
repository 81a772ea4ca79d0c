import { isEmail } from 'class-validator';

/** `+` and 8 to 15 digits (docs/contract.md §5). */
const E164 = /^\+\d{8,15}$/;

export function isE164(to: string): boolean {
  return E164.test(to);
}

export function isEmailAddress(to: string): boolean {
  return isEmail(to);
}

/** Where a message may go: an E.164 number or an email address. */
export function isRecipient(to: unknown): to is string {
  return typeof to === 'string' && (isE164(to) || isEmailAddress(to));
}
