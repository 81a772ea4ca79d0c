import { HealthIndicatorService } from '@nestjs/terminus';
import type { HealthCheck } from './health-checks';

interface Queryable {
  query(sql: string): Promise<unknown>;
}

/** Up when the database answers a trivial query. */
export function databaseHealthCheck(indicators: HealthIndicatorService, key: string, db: Queryable): HealthCheck {
  return async () => {
    const check = indicators.check(key);
    try {
      await db.query('SELECT 1');
      return check.up();
    } catch (error) {
      return check.down({ message: error instanceof Error ? error.message : String(error) });
    }
  };
}
