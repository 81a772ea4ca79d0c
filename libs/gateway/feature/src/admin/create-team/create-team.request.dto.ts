import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { validateCurrency, validateName } from '@subledger/accounts-domain';
import { ok } from '@subledger/kernel';
import { SatisfiesRule } from '../../responses/domain-rule.decorator';

export class CreateTeamRequest {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Acme Messaging' })
  @SatisfiesRule(validateName)
  name!: string;

  @ApiPropertyOptional({ example: 'usd', description: "ISO 4217; must be the price list's currency (usd by default)." })
  @SatisfiesRule((value, field) => (value === undefined ? ok(value) : validateCurrency(value, field)))
  currency?: string;
}
