import { applyDecorators, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiErrors, UPSTREAM_ERRORS } from '../responses/api-errors.decorator';
import { RequireAuth } from '../shared';

/** `/admin/v1/teams`: the operator token (ADMIN_TOKEN) only (SPEC §7). */
export function AdminTeamsController(): ClassDecorator {
  return applyDecorators(
    Controller('admin/v1/teams'),
    ApiTags('Operator'),
    RequireAuth('admin'),
    ApiErrors(UPSTREAM_ERRORS),
  );
}
