import { SetMetadata } from '@nestjs/common';

/**
 * Who may call a route. Read by the gateway's global auth guard; a route without it is public
 * (health, OpenAPI docs).
 * - `api-key`: any valid key of an active account (main or sub);
 * - `main-account`: a main-account key only; sub-account keys get 403 `forbidden_for_sub_account`;
 * - `admin`: the operator token (ADMIN_TOKEN).
 */
export type AuthRequirement = 'api-key' | 'main-account' | 'admin';

export const AUTH_REQUIREMENT = 'subledger:auth-requirement';

export const RequireAuth = (requirement: AuthRequirement) => SetMetadata(AUTH_REQUIREMENT, requirement);
