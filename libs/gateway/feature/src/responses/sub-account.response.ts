import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AccountSpendView, AccountStatus, AccountView } from '@subledger/contracts';
import { creditLimitCents, spentCents } from '@subledger/money';
import { isoTime } from './iso-time';

/** The statuses a client ever sees: a purged account is gone (404) from the public API. */
export type VisibleAccountStatus = Exclude<AccountStatus, 'purged'>;

export class SubAccountResponse {
  @ApiProperty({ example: 'proj_4Vb1cS0x7dJpQeK2mN8rTu' }) id!: string;
  @ApiProperty({ example: 'Acme Ltd', minLength: 1, maxLength: 200 }) name!: string;
  @ApiProperty({ type: String, nullable: true, maxLength: 255 }) externalId!: string | null;
  @ApiProperty({ enum: ['active', 'inactive', 'pending_deletion'] }) status!: VisibleAccountStatus;
  @ApiProperty({ description: 'Spend so far in integer cents, rounded up.', example: 1250 }) totalSpent!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Spending cap in integer cents; null means no limit.' })
  creditLimit!: number | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) metadata!: Record<
    string,
    unknown
  > | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Present while a deletion is pending: when the account is erased.',
  })
  deleteAt?: string;
  @ApiPropertyOptional({ description: 'The first API key, in full: only in the answer to the creation.' })
  apiKey?: string;
}

export class SubAccountEnvelope {
  @ApiProperty({ type: SubAccountResponse }) subAccount!: SubAccountResponse;
}

export class SubAccountPage {
  @ApiProperty({ type: [SubAccountResponse] }) items!: SubAccountResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export function isVisible(account: AccountView): account is AccountView & { status: VisibleAccountStatus } {
  return account.status !== 'purged';
}

/** The accounts view merged with the ledger's spend: the ledger enforces the limit, so it reports it. */
export function toSubAccount(
  account: AccountView & { status: VisibleAccountStatus },
  spend: AccountSpendView,
  apiKey?: string,
): SubAccountResponse {
  return {
    id: account.id,
    name: account.name,
    externalId: account.externalId,
    status: account.status,
    totalSpent: spentCents(spend.totalSpent),
    creditLimit: spend.creditLimit === null ? null : creditLimitCents(spend.creditLimit),
    metadata: account.metadata === null ? null : { ...account.metadata },
    createdAt: isoTime(account.createdAt),
    ...(account.deleteAt !== null && account.status === 'pending_deletion'
      ? { deleteAt: isoTime(account.deleteAt) }
      : {}),
    ...(apiKey === undefined ? {} : { apiKey }),
  };
}
