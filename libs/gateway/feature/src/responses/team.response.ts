import { ApiProperty } from '@nestjs/swagger';
import type { AccountKind, AccountSpendView, AccountStatus, AccountView, TeamView } from '@subledger/contracts';
import { creditLimitCents, spentCents } from '@subledger/money';
import { isoTime } from './iso-time';

export class TeamResponse {
  @ApiProperty({ example: 'team_7Rk2pWq9XmLc4Vb8nZ1sTy' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'usd' }) currency!: string;
  @ApiProperty() mainAccountId!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

/** Any account of a team as operators see it, main account and erased accounts included. */
export class TeamAccountResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['main', 'sub'] }) kind!: AccountKind;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) externalId!: string | null;
  @ApiProperty({ enum: ['active', 'inactive', 'pending_deletion', 'purged'] }) status!: AccountStatus;
  @ApiProperty({ description: 'Integer cents, rounded up.' }) totalSpent!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Integer cents; null for no limit.' }) creditLimit!:
    number | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) metadata!: Record<
    string,
    unknown
  > | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deleteAt!: string | null;
}

export function toTeam(view: TeamView): TeamResponse {
  return {
    id: view.id,
    name: view.name,
    currency: view.currency,
    mainAccountId: view.mainAccountId,
    createdAt: isoTime(view.createdAt),
  };
}

export function toTeamAccount(account: AccountView, spend: AccountSpendView): TeamAccountResponse {
  return {
    id: account.id,
    kind: account.kind,
    name: account.name,
    externalId: account.externalId,
    status: account.status,
    totalSpent: spentCents(spend.totalSpent),
    creditLimit: spend.creditLimit === null ? null : creditLimitCents(spend.creditLimit),
    metadata: account.metadata === null ? null : { ...account.metadata },
    createdAt: isoTime(account.createdAt),
    deleteAt: account.deleteAt === null ? null : isoTime(account.deleteAt),
  };
}
