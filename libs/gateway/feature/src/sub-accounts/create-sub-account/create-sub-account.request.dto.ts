import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AccountMetadata } from '@subledger/contracts';
import { SatisfiesRule } from '../../responses/domain-rule.decorator';
import { creditLimitRule, externalIdRule, metadataRule, nameRule } from '../sub-account-fields';

export class CreateSubAccountRequest {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Acme Ltd' })
  @SatisfiesRule(nameRule)
  name!: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 255,
    description: 'Your own reference, unique within the team.',
  })
  @SatisfiesRule(externalIdRule)
  externalId?: string | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: 1e12,
    description: 'Spending cap in integer cents; 0, null or omitted: no limit.',
  })
  @SatisfiesRule(creditLimitRule)
  creditLimit?: number | null;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'At most 50 keys; string, number, boolean or null values of up to 500 characters; 8 KiB in all.',
  })
  @SatisfiesRule(metadataRule)
  metadata?: AccountMetadata | null;
}
