import { hash } from 'node:crypto';
import type { LedgerCommand, LedgerEvent } from '@subledger/contracts';

/**
 * Event ids are uuids (version 8, "custom") derived from the stream and the id of the command the
 * event answers: one charge id, one refund of it, one top-up id, one adjustment id, one opening per
 * team. So the store's unique event id refuses a second charge under an id the writer no longer
 * remembers, and a lookup finds what a command recorded by computing its id. A spend policy has no
 * id of its own and takes its stream version instead.
 */
export function teamEventId(streamId: string, event: LedgerEvent, version: bigint): string {
  const key = eventKeyOf(event);
  return uuidFrom(key === null ? `${streamId}\u0000${version}` : `${streamId}\u0000${key}`);
}

/** The id of the event the command itself records, when it records one. */
export function ownEventId(streamId: string, command: LedgerCommand): string | null {
  const key = commandKeyOf(command);
  return key === null ? null : uuidFrom(`${streamId}\u0000${key}`);
}

/**
 * The ids of the events that make up the record a command reads and the answer it may already have
 * got: a charge and its refund for a charge or a refund, the top-up, the adjustment, the opening.
 */
export function lookUpEventIds(streamId: string, command: LedgerCommand): string[] {
  switch (command.type) {
    case 'ChargeMessage':
    case 'RefundCharge':
      return [
        uuidFrom(`${streamId}\u0000charge\u0000${command.chargeId}`),
        uuidFrom(`${streamId}\u0000refund\u0000${command.chargeId}`),
      ];
    case 'TopUp':
    case 'Adjust':
    case 'OpenTeam':
    case 'SetSpendPolicy': {
      const id = ownEventId(streamId, command);
      return id === null ? [] : [id];
    }
    default: {
      const unknown: never = command;
      throw new Error(`Unknown ledger command ${JSON.stringify(unknown)}`);
    }
  }
}

function eventKeyOf(event: LedgerEvent): string | null {
  switch (event.type) {
    case 'TeamOpened':
      return 'open';
    case 'TopUpRecorded':
      return `top-up\u0000${event.topUpId}`;
    case 'BalanceAdjusted':
      return `adjustment\u0000${event.adjustmentId}`;
    case 'ChargeAccepted':
    case 'ChargeRefused':
      return `charge\u0000${event.chargeId}`;
    case 'ChargeRefunded':
      return `refund\u0000${event.chargeId}`;
    case 'SpendPolicySet':
      return null;
    default: {
      const unknown: never = event;
      throw new Error(`Unknown ledger event ${JSON.stringify(unknown)}`);
    }
  }
}

function commandKeyOf(command: LedgerCommand): string | null {
  switch (command.type) {
    case 'OpenTeam':
      return 'open';
    case 'TopUp':
      return `top-up\u0000${command.topUpId}`;
    case 'Adjust':
      return `adjustment\u0000${command.adjustmentId}`;
    case 'ChargeMessage':
      return `charge\u0000${command.chargeId}`;
    case 'RefundCharge':
      return `refund\u0000${command.chargeId}`;
    case 'SetSpendPolicy':
      return null;
    default: {
      const unknown: never = command;
      throw new Error(`Unknown ledger command ${JSON.stringify(unknown)}`);
    }
  }
}

function uuidFrom(text: string): string {
  const hex = hash('sha256', text, 'hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
