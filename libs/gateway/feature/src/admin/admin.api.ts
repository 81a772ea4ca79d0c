import { applyDecorators, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiErrors, UPSTREAM_ERRORS } from '../responses/api-errors.decorator';
import { RequireAuth } from '../shared';

/** `/admin/v1/teams`: the operator token (ADMIN_TOKEN) only (docs/contract.md §7). */
export function AdminTeamsController(): ClassDecorator {
  return AdminController('admin/v1/teams');
}

/** An operator route under `path`: the operator token (ADMIN_TOKEN) only (docs/contract.md §7). */
export function AdminController(path: string): ClassDecorator {
  return applyDecorators(Controller(path), ApiTags('Operator'), RequireAuth('admin'), ApiErrors(UPSTREAM_ERRORS));
}
