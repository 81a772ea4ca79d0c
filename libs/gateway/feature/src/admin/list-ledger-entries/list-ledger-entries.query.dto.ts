import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { PageQuery } from '../../responses/page-query.dto';

export const LEDGER_ORDERS = ['asc', 'desc'] as const;

export class ListLedgerEntriesQuery extends PageQuery {
  @ApiPropertyOptional({ description: "Only this account's entries." })
  @IsOptional()
  @IsString()
  @Length(1, 255)
  accountId?: string;

  @ApiPropertyOptional({
    enum: LEDGER_ORDERS,
    default: 'asc',
    description: 'Oldest first, or newest first (`desc`); the cursor goes on in the same order.',
  })
  @IsOptional()
  @IsIn(LEDGER_ORDERS)
  order?: (typeof LEDGER_ORDERS)[number];
}
