import { hash } from 'node:crypto';
import { encodeLedgerCommand } from '@subledger/contracts';
import type { LedgerCommand } from '@subledger/contracts';

/**
 * Under which id a command's outcome is kept, and a digest of what it asked. The same id with
 * the same digest is a redelivery, answered with the stored outcome; the same id with another
 * digest is a different command reusing the id, decided anew (the domain names that reuse).
 * SetSpendPolicy has none: setting the same policy twice is harmless by nature.
 */
export interface CommandIdentity {
  readonly teamId: string;
  readonly commandId: string;
  readonly digest: string;
}

export function commandIdentityOf(command: LedgerCommand): CommandIdentity | null {
  const commandId = commandIdOf(command);
  return commandId === null ? null : { teamId: command.teamId, commandId, digest: commandDigest(command) };
}

/** A key for maps of identities. */
export function identityKey({ teamId, commandId, digest }: CommandIdentity): string {
  return `${teamId}\u0000${commandId}\u0000${digest}`;
}

function commandIdOf(command: LedgerCommand): string | null {
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

// The time a command was issued is left out: a sender retrying the same command may stamp it
// anew, and the domain too treats a retry with the same fields as the same command.
function commandDigest(command: LedgerCommand): string {
  const { at: _at, ...fields } = encodeLedgerCommand(command);
  // 132 bits (22 base64url characters) tell commands sharing an id apart with room to spare.
  return hash('sha256', JSON.stringify(fields), 'base64url').slice(0, 22);
}
