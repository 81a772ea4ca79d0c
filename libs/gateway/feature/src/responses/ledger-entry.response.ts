import { ApiProperty } from '@nestjs/swagger';
import type { LedgerEntryView } from '@subledger/contracts';
import { microsToDecimalString } from '@subledger/money';
import { isoTime } from './iso-time';

/**
 * One event of a team's ledger. Amounts are exact decimal strings in the team currency's major
 * unit ("-0.0079"): a charge is rarely a whole number of cents, and operators reconcile to the micro.
 */
export class LedgerEntryResponse {
  @ApiProperty({ description: "The event's version in the team stream: the ledger's order.", example: '42' })
  position!: string;
  @ApiProperty({ description: 'Position in the global event log.', example: '1042' }) globalPosition!: string;
  @ApiProperty({ example: 'ChargeAccepted' }) type!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: String, nullable: true }) accountId!: string | null;
  @ApiProperty({ type: String, nullable: true }) chargeId!: string | null;
  @ApiProperty({
    description: 'Signed effect on the balance: credits positive, charges negative, refusals 0.',
    example: '-0.0079',
  })
  amount!: string;
  @ApiProperty({ description: 'The balance after this entry.', example: '99.9921' }) balanceAfter!: string;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ type: String, nullable: true }) reference!: string | null;
}

export class LedgerEntryPage {
  @ApiProperty({ type: [LedgerEntryResponse] }) items!: LedgerEntryResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export function toLedgerEntry(view: LedgerEntryView): LedgerEntryResponse {
  return {
    position: view.position,
    globalPosition: view.globalPosition,
    type: view.type,
    at: isoTime(view.at),
    accountId: view.accountId,
    chargeId: view.chargeId,
    amount: microsToDecimalString(view.amount),
    balanceAfter: microsToDecimalString(view.balanceAfter),
    reason: view.reason,
    reference: view.reference,
  };
}
