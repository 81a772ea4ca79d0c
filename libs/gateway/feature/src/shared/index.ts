export * from './api-error';
export * from './auth-requirement.decorator';
export * from './current-identity.decorator';
export * from './gateway-options';
