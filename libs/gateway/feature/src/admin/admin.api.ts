import { applyDecorators, Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../responses/api-errors.decorator';
import { RequireAuth } from '../shared';

/** `/admin/v1/teams`: the operator token (ADMIN_TOKEN) only (SPEC §7). */
export function AdminTeamsController(): ClassDecorator {
  return applyDecorators(
    Controller('admin/v1/teams'),
    ApiTags('Operator'),
    ApiBearerAuth(),
    RequireAuth('admin'),
    ApiErrors(401, 503),
  );
}
