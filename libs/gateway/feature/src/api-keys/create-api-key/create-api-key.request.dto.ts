import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { validateName, validatePermissions } from '@subledger/accounts-domain';
import type { ApiKeyEnvironment } from '@subledger/contracts';
import { IsIn, IsOptional } from 'class-validator';
import { SatisfiesRule } from '../../responses/domain-rule.decorator';

export class CreateApiKeyRequest {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Production server' })
  @SatisfiesRule(validateName)
  name!: string;

  @ApiPropertyOptional({ enum: ['live', 'test'], default: 'live' })
  @IsOptional()
  @IsIn(['live', 'test'])
  environment?: ApiKeyEnvironment;

  @ApiPropertyOptional({
    type: [String],
    maxItems: 50,
    description: 'Free-form permission names, 1 to 100 characters each, no repeats.',
  })
  @SatisfiesRule(validatePermissions)
  permissions?: string[];
}
