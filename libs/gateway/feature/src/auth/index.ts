export { accountInactive, forbiddenForSubAccount, invalidAdminToken, invalidApiKey } from './auth-errors';
export { bearerToken } from './bearer-token';
export { CALLER_PROPERTY, callerOf, type Caller, type RequestWithCaller } from './caller';
export { constantTimeEqual } from './constant-time';
export { GatewayAuthGuard } from './gateway-auth.guard';
export { IDENTITY_TTL_MS, IdentityCache } from './identity-cache';
export { IdentityLookup } from './identity-lookup';
export { KEY_USAGE_FLUSH_MS, KeyUsageRecorder } from './key-usage.recorder';
