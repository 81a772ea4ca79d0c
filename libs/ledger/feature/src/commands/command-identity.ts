import { hash } from 'node:crypto';
import { ledgerCommandCodec } from '@subledger/contracts';
import type { LedgerCommand } from '@subledger/contracts';

/**
 * A command's id within its team, under which its answer is found again: `chargeId`, `topUpId`,
 * `adjustmentId`, `refund:<chargeId>`, `open:<teamId>`. SetSpendPolicy has none: setting the same
 * policy twice is harmless by nature.
 */
export interface CommandKey {
  readonly teamId: string;
  readonly commandId: string;
}

/**
 * A command's key with a digest of what it asked. The same id with the same digest is the same
 * command sent again, answered as it was the first time; the same id with another digest is a
 * different command reusing the id, decided anew (the domain names that reuse).
 */
export interface CommandIdentity extends CommandKey {
  readonly digest: string;
}

export function commandIdOf(command: LedgerCommand): string | null {
  switch (command.type) {
    case 'OpenTeam':
      return `open:${command.teamId}`;
    case 'TopUp':
      return command.topUpId;
    case 'Adjust':
      return command.adjustmentId;
    case 'SetSpendPolicy':
      return null;
    case 'ChargeMessage':
      return command.chargeId;
    case 'RefundCharge':
      return `refund:${command.chargeId}`;
    default: {
      const unknown: never = command;
      throw new Error(`Unknown ledger command ${JSON.stringify(unknown)}`);
    }
  }
}

/** A key for maps of commands by team and id. */
export function commandKey(teamId: string, commandId: string): string {
  return `${teamId}\u0000${commandId}`;
}

export function commandIdentityOf(command: LedgerCommand): CommandIdentity | null {
  const commandId = commandIdOf(command);
  return commandId === null ? null : { teamId: command.teamId, commandId, digest: commandDigest(command) };
}

/**
 * 132 bits (22 base64url characters) of SHA-256 over the command's fields. The time it was issued is
 * left out: a sender retrying the same command may stamp it anew, and the domain too treats a retry
 * with the same fields as the same command. Computed only when needed (a lookup, a repeat, a row to
 * store): fresh commands, nearly all of them, never need it.
 */
export function commandDigest(command: LedgerCommand): string {
  const { at: _at, ...fields } = ledgerCommandCodec.encode(command);
  return hash('sha256', JSON.stringify(fields), 'base64url').slice(0, 22);
}
