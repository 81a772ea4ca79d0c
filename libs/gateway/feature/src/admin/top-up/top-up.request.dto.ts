import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { MAX_AMOUNT_CENTS } from '../amount-limits';

export class TopUpRequest {
  @ApiProperty({ description: 'Integer cents, more than zero.', minimum: 1, maximum: MAX_AMOUNT_CENTS, example: 10000 })
  @IsInt()
  @Min(1)
  @Max(MAX_AMOUNT_CENTS)
  amount!: number;

  @ApiPropertyOptional({ maxLength: 255, description: 'Your reference for the payment, kept in the ledger.' })
  @IsOptional()
  @IsString()
  @Length(1, 255)
  reference?: string;
}
