import type { HealthIndicatorResult } from '@nestjs/terminus';

/** Each module contributes its own readiness checks under this token (a multi-provider would do too). */
export const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');

export type HealthCheck = () => Promise<HealthIndicatorResult>;
