import { applyDecorators, Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../responses/api-errors.decorator';
import { RequireAuth } from '../shared';

/** Every `/v1/sub-accounts` route: main-account keys only (SPEC §4). */
export function SubAccountsController(): ClassDecorator {
  return applyDecorators(
    Controller('v1/sub-accounts'),
    ApiTags('Sub-accounts'),
    ApiBearerAuth(),
    RequireAuth('main-account'),
    ApiErrors(401, 403, 503),
  );
}
