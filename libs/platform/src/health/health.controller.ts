import { Controller, Get, Inject } from '@nestjs/common';
import { HealthCheck as TerminusHealthCheck, HealthCheckService } from '@nestjs/terminus';
import { HEALTH_CHECKS, type HealthCheck } from './health-checks';

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    @Inject(HEALTH_CHECKS) private readonly checks: HealthCheck[],
  ) {}

  @Get()
  @TerminusHealthCheck()
  check() {
    return this.health.check(this.checks);
  }
}
