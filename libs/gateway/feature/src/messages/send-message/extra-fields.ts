import type { SendMessageRequest } from './send-message.request.dto';

/** The optional Zavu send fields we store but do not act on. */
const EXTRA_FIELDS = ['attachments', 'content', 'fallbackEnabled', 'replyTo', 'voiceLanguage'] as const;

/**
 * Those fields as plain JSON, or null when none was sent. The DTO holds class instances, and only
 * plain data may cross the bus.
 */
export function extraFieldsOf(body: SendMessageRequest): Record<string, unknown> | null {
  const present = EXTRA_FIELDS.filter((field) => body[field] !== undefined && body[field] !== null);
  if (present.length === 0) return null;
  return JSON.parse(JSON.stringify(Object.fromEntries(present.map((field) => [field, body[field]])))) as Record<
    string,
    unknown
  >;
}
