import type {
  AccountsServiceRefusal,
  EpochMs,
  MessageStatus,
  MessageView,
  NewMessage,
  RefundCharge,
} from '@subledger/contracts';
import { err, ok, type Result } from '@subledger/kernel';
import type { CarrierMessage } from '../../carrier/message-carrier.port';
import { type MessageState, messageViewOf, type StoredMessage } from '../../read-model/message-rows';
import type { DeliveryStep } from '@subledger/contracts';

/** Whether the team lets an account record a message, from the team's state in memory. */
export type AccountStanding = 'ok' | 'account_not_found' | 'account_purged';

/** A refund the ledger is asked for before the group commits; `messageId` null for a message never recorded. */
export interface PendingRefund {
  readonly command: RefundCharge;
  readonly messageId: string | null;
}

interface Entry {
  /** Where the message stands now, in this group. */
  row: MessageState;
  /** The whole record of a message new in this group; other records are read whole only for a reply that shows them. */
  readonly content: StoredMessage | null;
  changed: boolean;
  /** Recorded (or recorded again) in this group: handed to the carrier after the commit while still queued. */
  recorded: boolean;
  refund: RefundCharge | null;
}

/** A message as one command left it; its view is made after the commit, when refunds are known. */
export interface Snapshot {
  readonly row: MessageState;
  readonly entry: Entry;
}

/** A message as a command left it, or why the command was refused. */
export type MessageOutcome = Result<Snapshot, AccountsServiceRefusal>;

const STEP: Record<MessageStatus, number> = { queued: 0, sent: 1, delivered: 2, failed: 2 };

/**
 * The message records of one group of gathered commands, in memory: the states of the rows they
 * touch as committed before the group, then changed command by command in partition order exactly
 * as one command after another would, so that one INSERT and one UPDATE write the group's end state.
 * Statuses only move forward; a failed live message is refunded once (the refund is asked before
 * the row says so); a live message that cannot be recorded has its charge refunded.
 */
export class MessageGroup {
  private readonly entries = new Map<string, Entry>();
  private readonly notRecorded = new Map<string, RefundCharge>();

  constructor(committed: readonly MessageState[]) {
    for (const row of committed)
      this.entries.set(row.id, { row, content: null, changed: false, recorded: false, refund: null });
  }

  record(teamId: string, message: NewMessage, at: EpochMs, standing: AccountStanding): MessageOutcome {
    const known = this.entries.get(message.id);
    if (known) {
      // The same record again (a redelivery) answers the message as it is now, whatever the account became since.
      if (known.row.team_id === teamId && known.row.account_id === message.accountId) return this.recordedAgain(known);
      return this.refuse(teamId, message, at, {
        type: 'invalid',
        violations: [{ field: 'message.id', reason: 'duplicate' }],
      });
    }
    if (standing !== 'ok') return this.refuse(teamId, message, at, { type: standing });
    const content = newRow(teamId, message, at);
    const entry: Entry = { row: content, content, changed: true, recorded: true, refund: null };
    this.entries.set(message.id, entry);
    return snapshotOf(entry);
  }

  advance(teamId: string, { messageId, status, errorCode }: DeliveryStep, at: EpochMs): MessageOutcome {
    const entry = this.entries.get(messageId);
    if (!entry || entry.row.team_id !== teamId) return err({ type: 'message_not_found' });
    if (STEP[status] <= STEP[entry.row.status]) return snapshotOf(entry);
    entry.row = { ...entry.row, status, error_code: errorCode, updated_at: String(at) };
    entry.changed = true;
    const { row } = entry;
    if (status === 'failed' && !row.refunded && !row.is_test && row.charge_id !== null) {
      entry.refund = { type: 'RefundCharge', teamId, chargeId: row.charge_id, reason: 'delivery_failed', at };
    }
    return snapshotOf(entry);
  }

  refunds(): PendingRefund[] {
    const failed = [...this.entries.values()].flatMap(({ refund, row }) =>
      refund ? [{ command: refund, messageId: row.id }] : [],
    );
    return [...failed, ...[...this.notRecorded.values()].map((command) => ({ command, messageId: null }))];
  }

  /** The ledger's verdict on a failed message's refund: the row says `refunded` only when it was. */
  settleRefund(messageId: string, refunded: boolean): void {
    const entry = this.entries.get(messageId);
    if (!entry?.refund) return;
    entry.refund = null;
    entry.row = { ...entry.row, refunded };
  }

  /** New records in the order they came, with the status they ended the group in. */
  inserts(): StoredMessage[] {
    return [...this.entries.values()].flatMap(({ content, row }) => (content ? [{ ...content, ...row }] : []));
  }

  /** Messages recorded before the group whose state the group changed. */
  changes(): MessageState[] {
    return [...this.entries.values()]
      .filter((entry) => entry.content === null && entry.changed)
      .map((entry) => entry.row);
  }

  /** Messages recorded by the group that still wait for the carrier. */
  dispatches(): CarrierMessage[] {
    return [...this.entries.values()]
      .filter((entry) => entry.recorded && entry.row.status === 'queued')
      .map(({ row }) => ({
        teamId: row.team_id,
        accountId: row.account_id,
        messageId: row.id,
        channel: row.channel,
        isTest: row.is_test,
      }));
  }

  /** Whether the view of this snapshot needs the whole record read (a message recorded before the group). */
  static needsContent({ entry }: Snapshot): boolean {
    return entry.content === null;
  }

  /**
   * The view a command's reply shows: the message as the command left it, with the refund as
   * settled. `content` is the committed record of a message recorded before the group; the fields
   * a group changes come from the snapshot.
   */
  static view({ row, entry }: Snapshot, content?: StoredMessage): MessageView {
    const whole = entry.content ?? content;
    if (!whole) throw new Error(`The record of message ${row.id} was not read for its reply`);
    return messageViewOf({ ...whole, ...row, refunded: row.status === 'failed' ? entry.row.refunded : row.refunded });
  }

  private recordedAgain(entry: Entry): MessageOutcome {
    entry.recorded = true;
    return snapshotOf(entry);
  }

  private refuse(teamId: string, message: NewMessage, at: EpochMs, refusal: AccountsServiceRefusal): MessageOutcome {
    if (!message.isTest && message.chargeId !== null) {
      this.notRecorded.set(message.chargeId, {
        type: 'RefundCharge',
        teamId,
        chargeId: message.chargeId,
        reason: 'message_not_recorded',
        at,
      });
    }
    return err(refusal);
  }
}

function snapshotOf(entry: Entry): MessageOutcome {
  return ok({ row: entry.row, entry });
}

/**
 * The row a new record is stored as. Metadata and extra fields go through JSON as the database
 * hands them back, so a reply made from this row equals what a later query reads.
 */
function newRow(teamId: string, message: NewMessage, at: EpochMs): StoredMessage {
  return {
    id: message.id,
    team_id: teamId,
    account_id: message.accountId,
    status: 'queued',
    channel: message.channel,
    message_type: message.messageType,
    to_address: message.to,
    text_body: message.text,
    subject: message.subject,
    html_body: message.htmlBody,
    metadata: throughJson(message.metadata),
    extra: throughJson(message.extra),
    cost: message.cost.toString(),
    units: message.units,
    is_test: message.isTest,
    charge_id: message.chargeId,
    refunded: false,
    error_code: null,
    created_at: String(at),
    updated_at: String(at),
  };
}

function throughJson(value: Readonly<Record<string, unknown>> | null): Record<string, unknown> | null {
  return value === null ? null : (JSON.parse(JSON.stringify(value)) as Record<string, unknown>);
}
