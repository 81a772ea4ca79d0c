import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Length, Matches, Max, Min, NotEquals } from 'class-validator';
import { MAX_AMOUNT_CENTS } from '../amount-limits';

export class AdjustBalanceRequest {
  @ApiProperty({ description: 'Signed integer cents, never zero: positive credits, negative debits.', example: -500 })
  @IsInt()
  @NotEquals(0)
  @Min(-MAX_AMOUNT_CENTS)
  @Max(MAX_AMOUNT_CENTS)
  amount!: number;

  @ApiProperty({ minLength: 1, maxLength: 500, description: 'Why: kept in the ledger for the financial record.' })
  @IsString()
  @Length(1, 500)
  @Matches(/\S/, { message: 'reason must not be only white space' })
  reason!: string;
}
