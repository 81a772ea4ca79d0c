import { ApiPropertyOptional } from '@nestjs/swagger';
import type { AccountMetadata, RequestedAccountStatus } from '@subledger/contracts';
import { IsIn, ValidateIf } from 'class-validator';
import { SatisfiesRule } from '../../responses/domain-rule.decorator';
import { creditLimitRule, externalIdRule, metadataRule, nameRule } from '../sub-account-fields';

const isPresent = (field: keyof UpdateSubAccountRequest) => (body: UpdateSubAccountRequest) =>
  body[field] !== undefined;

/** Any subset of the fields; an absent field is left alone, `null` clears it (never the name). */
export class UpdateSubAccountRequest {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @ValidateIf(isPresent('name'))
  @SatisfiesRule(nameRule)
  name?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 255 })
  @SatisfiesRule(externalIdRule)
  externalId?: string | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: 1e12,
    description: 'Integer cents; 0 or null removes the limit.',
  })
  @SatisfiesRule(creditLimitRule)
  creditLimit?: number | null;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'Replaces the metadata whole; null clears it.',
  })
  @SatisfiesRule(metadataRule)
  metadata?: AccountMetadata | null;

  @ApiPropertyOptional({
    enum: ['active', 'inactive'],
    description: '`inactive` suspends (keys kept, calls answer 403), `active` resumes.',
  })
  @ValidateIf(isPresent('status'))
  @IsIn(['active', 'inactive'])
  status?: RequestedAccountStatus;
}
