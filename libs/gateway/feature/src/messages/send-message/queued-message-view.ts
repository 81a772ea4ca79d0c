import type { MessageView, NewMessage } from '@subledger/contracts';

/**
 * The message as the accounts service records a new one (`queued`, created and updated at `at`),
 * so that the answer to a send equals what reading the message right after shows.
 */
export function queuedMessageView(teamId: string, message: NewMessage, at: number): MessageView {
  return { ...message, teamId, status: 'queued', refunded: false, errorCode: null, createdAt: at, updatedAt: at };
}
