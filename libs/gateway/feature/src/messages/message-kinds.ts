import { MESSAGE_CHANNELS, type MessageChannel } from '@subledger/pricing';

/** The channels a send request may name: a delivery channel, or `auto` to let us choose. */
export const REQUESTED_CHANNELS = ['auto', ...MESSAGE_CHANNELS] as const;
export type RequestedChannel = 'auto' | MessageChannel;

/** The Zavu message types. Non-text types are sent over WhatsApp unless a channel is named. */
export const MESSAGE_TYPES = [
  'text',
  'image',
  'video',
  'audio',
  'document',
  'sticker',
  'location',
  'contact',
  'buttons',
  'list',
  'cta_url',
  'request_contact_info',
  'location_request',
  'reaction',
  'template',
] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

/** The statuses the Zavu list filter accepts; ours are a subset (queued, sent, delivered, failed). */
export const LISTED_STATUSES = ['queued', 'sending', 'sent', 'delivered', 'failed', 'received'] as const;
export type ListedStatus = (typeof LISTED_STATUSES)[number];
