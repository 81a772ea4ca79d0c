import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AccountSpendView, TeamBalanceView } from '@subledger/contracts';
import { balanceCents, creditLimitCents, spentCents } from '@subledger/money';

export class BalanceResponse {
  @ApiProperty({ description: 'The team balance in integer cents, rounded down.', example: 10000 }) balance!: number;
  @ApiProperty({ example: 'usd' }) currency!: string;
  @ApiProperty() isSubAccount!: boolean;
  @ApiPropertyOptional({ description: 'Sub-accounts only: spend in integer cents, rounded up.' }) totalSpent?: number;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Sub-accounts only: cap in integer cents, null for none.',
  })
  creditLimit?: number | null;
}

/** The main account sees the team balance; a sub-account also its own spend and cap. */
export function toBalance(view: TeamBalanceView, subAccountSpend?: AccountSpendView): BalanceResponse {
  const team = { balance: balanceCents(view.balance), currency: view.currency };
  if (subAccountSpend === undefined) return { ...team, isSubAccount: false };
  return {
    ...team,
    isSubAccount: true,
    totalSpent: spentCents(subAccountSpend.totalSpent),
    creditLimit: subAccountSpend.creditLimit === null ? null : creditLimitCents(subAccountSpend.creditLimit),
  };
}
