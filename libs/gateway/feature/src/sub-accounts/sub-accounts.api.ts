import { applyDecorators, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiErrors, UPSTREAM_ERRORS } from '../responses/api-errors.decorator';
import { RequireAuth } from '../shared';

/** Every `/v1/sub-accounts` route: main-account keys only (docs/contract.md §4). */
export function SubAccountsController(): ClassDecorator {
  return applyDecorators(
    Controller('v1/sub-accounts'),
    ApiTags('Sub-accounts'),
    RequireAuth('main-account'),
    ApiErrors(UPSTREAM_ERRORS),
  );
}
