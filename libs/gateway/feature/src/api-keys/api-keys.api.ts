import { applyDecorators, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiErrors, SUB_ACCOUNT_NOT_FOUND, UPSTREAM_ERRORS } from '../responses/api-errors.decorator';
import { RequireAuth } from '../shared';

/** `/v1/sub-accounts/:id/api-keys`: main-account keys only, like every sub-account route. */
export function ApiKeysController(): ClassDecorator {
  return applyDecorators(
    Controller('v1/sub-accounts/:id/api-keys'),
    ApiTags('Sub-account API keys'),
    RequireAuth('main-account'),
    ApiErrors({ ...UPSTREAM_ERRORS, 404: SUB_ACCOUNT_NOT_FOUND }),
  );
}
