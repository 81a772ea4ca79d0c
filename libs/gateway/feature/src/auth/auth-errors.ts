import { ApiError } from '../shared/api-error';

export const invalidApiKey = (message = 'The API key is missing, malformed, unknown or revoked.') =>
  new ApiError(401, 'invalid_api_key', message);

export const invalidAdminToken = () =>
  new ApiError(401, 'invalid_admin_token', 'Operator routes take Authorization: Bearer <ADMIN_TOKEN>.');

export const accountInactive = () =>
  new ApiError(403, 'account_inactive', 'This account is suspended; its keys cannot be used until it is resumed.');

export const forbiddenForSubAccount = () =>
  new ApiError(403, 'forbidden_for_sub_account', 'Sub-account keys cannot use this route; use a main-account key.');
