export * from './config/validated-config.module';
export * from './config/common-config.schema';
export * from './health/health-checks';
export * from './health/health.module';
export * from './logging/logger.module';
export * from './admin-token/admin-token';
