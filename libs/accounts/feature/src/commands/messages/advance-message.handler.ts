import { Injectable, Logger } from '@nestjs/common';
import { type MessageStatus, replyOk, replyRefused } from '@subledger/contracts';
import { LedgerClient } from '../../ledger/ledger-client';
import { AccountsReadModel } from '../../read-model/accounts-read-model';
import { type MessageRow, messageViewOf } from '../../read-model/message-rows';
import type { CommandOf, CommandReply, DeliveryStatus } from '../accounts-internal-command';

const STEP: Record<MessageStatus, number> = { queued: 0, sent: 1, delivered: 2, failed: 2 };
const REPORTED: ReadonlySet<string> = new Set<DeliveryStatus>(['sent', 'delivered', 'failed']);

/**
 * A carrier's report. Statuses only move forward (a late or repeated report changes nothing), and
 * a live message that fails is refunded exactly once: the refund goes to the ledger (which also
 * dedupes it by charge id) before the row says `refunded`, and a failed row is never refunded again.
 */
@Injectable()
export class AdvanceMessageHandler {
  private readonly logger = new Logger(AdvanceMessageHandler.name);

  constructor(
    private readonly readModel: AccountsReadModel,
    private readonly ledger: LedgerClient,
  ) {}

  async handle({ teamId, messageId, status, errorCode, at }: CommandOf<'AdvanceMessage'>): Promise<CommandReply<'AdvanceMessage'>> {
    if (!REPORTED.has(status)) return replyRefused({ type: 'invalid', violations: [{ field: 'status', reason: 'not_allowed' }] });
    const { messages, db } = this.readModel;
    const row = await messages.find(db, teamId, messageId);
    if (row === null) return replyRefused({ type: 'message_not_found' });
    if (STEP[status] <= STEP[row.status]) return replyOk({ message: messageViewOf(row) });
    const refunded = status === 'failed' ? await this.refund(row, at) : row.refunded;
    await messages.changeStatus(db, messageId, { status, errorCode, refunded, at });
    return replyOk({ message: messageViewOf({ ...row, status, error_code: errorCode, refunded, updated_at: String(at) }) });
  }

  /** Whether the message's charge is refunded once this returns; test messages were never charged. */
  private async refund(row: MessageRow, at: number): Promise<boolean> {
    if (row.refunded || row.is_test || row.charge_id === null) return row.refunded;
    const command = { type: 'RefundCharge', teamId: row.team_id, chargeId: row.charge_id, reason: 'delivery_failed', at } as const;
    const verdict = await this.ledger.send(command, (outcome) => outcome.type === 'charge_refunded');
    if (!verdict.ok) this.logger.warn(`The ledger did not refund charge ${row.charge_id} of failed message ${row.id}: ${JSON.stringify(verdict.refusal)}`);
    return verdict.ok;
  }
}
