import { ledgerCommandCodec } from '@subledger/contracts';
import type { LedgerCommand, LedgerCommandRefusal } from '@subledger/contracts';
import { err, ok, type Result } from '@subledger/kernel';
import { type Envelope, Headers } from '@subledger/messaging';

/** A command as read off the bus, with the id of the HTTP request it was sent for when it carries one. */
export interface ReadCommand {
  readonly command: LedgerCommand;
  readonly requestId?: string;
}

export type CommandRead = Result<ReadCommand, LedgerCommandRefusal>;

/**
 * Validates a consumed command. The in-process bus hands over the command itself, with bigint
 * amounts, unchecked; the Kafka bus hands over what its wire codec decoded (the same contract
 * codec, so this check passes again), having answered and dead-lettered a command that did not
 * decode itself. Either way a command is checked the same way whichever transport carried it.
 * The message key must be the command's team: it is what routes every command of a team to its
 * single writer, and a command keyed otherwise could race with that writer.
 */
export function readLedgerCommand(message: Envelope<unknown>): CommandRead {
  const decoded = ledgerCommandCodec.decode(withDecimalAmounts(message.value));
  if (!decoded.ok) {
    const { field, message: text } = decoded.error;
    return err({ type: 'invalid_command', field: field ?? null, message: text });
  }
  const command = decoded.value;
  if (command.teamId !== message.key) {
    const text = `a command of team ${command.teamId} must be keyed by its team id, not ${JSON.stringify(message.key)}`;
    return err({ type: 'invalid_command', field: 'teamId', message: text });
  }
  const requestId = message.headers[Headers.requestId];
  return ok(requestId === undefined ? { command } : { command, requestId });
}

function withDecimalAmounts(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const json: Record<string, unknown> = {};
  for (const key in value) {
    const field: unknown = (value as Record<string, unknown>)[key];
    json[key] = typeof field === 'bigint' ? field.toString() : field;
  }
  return json;
}
