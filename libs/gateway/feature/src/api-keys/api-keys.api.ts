import { applyDecorators, Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../responses/api-errors.decorator';
import { RequireAuth } from '../shared';

/** `/v1/sub-accounts/:id/api-keys`: main-account keys only, like every sub-account route. */
export function ApiKeysController(): ClassDecorator {
  return applyDecorators(
    Controller('v1/sub-accounts/:id/api-keys'),
    ApiTags('Sub-account API keys'),
    ApiBearerAuth(),
    RequireAuth('main-account'),
    ApiErrors(401, 403, 404, 503),
  );
}
