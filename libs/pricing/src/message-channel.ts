/** The delivery channels of the Zavu send request, once `auto` has been resolved to one of them. */
export const MESSAGE_CHANNELS = [
  'sms',
  'sms_oneway',
  'whatsapp',
  'telegram',
  'email',
  'instagram',
  'messenger',
  'voice',
] as const;

export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

export type BillingUnit = 'segment' | 'message';

export function isMessageChannel(value: unknown): value is MessageChannel {
  return typeof value === 'string' && (MESSAGE_CHANNELS as readonly string[]).includes(value);
}

/** SMS is billed per segment; every other channel per message. */
export function billingUnitOf(channel: MessageChannel): BillingUnit {
  switch (channel) {
    case 'sms':
    case 'sms_oneway':
      return 'segment';
    case 'whatsapp':
    case 'telegram':
    case 'email':
    case 'instagram':
    case 'messenger':
    case 'voice':
      return 'message';
    default: {
      const unknown: never = channel;
      throw new TypeError(`unknown channel ${String(unknown)}`);
    }
  }
}
