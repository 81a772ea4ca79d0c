import { Controller, Get, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheck as TerminusHealthCheck, type HealthCheckResult, HealthCheckService } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { HEALTH_CHECKS, type HealthCheck } from './health-checks';

/** docs/deployment.md, "Start-up and health". */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    @Inject(HEALTH_CHECKS) private readonly checks: HealthCheck[],
  ) {}

  /** Liveness: the process answers, so its event loop is not wedged. No dependency is asked: a lost database or broker is readiness' business, and restarting would not bring it back. */
  @Get('live')
  live() {
    return { status: 'ok', uptimeSeconds: Math.round(process.uptime()) };
  }

  /** Readiness: 200 when every check the app contributes is up, 503 otherwise. */
  @Get('ready')
  @TerminusHealthCheck()
  ready(@Res({ passthrough: true }) reply: FastifyReply) {
    return this.answer(reply);
  }

  /** The readiness answer, where probes written before /health/ready look for it. */
  @Get()
  @TerminusHealthCheck()
  check(@Res({ passthrough: true }) reply: FastifyReply) {
    return this.answer(reply);
  }

  /** The 503 is answered here, with terminus' body, so that no app's exception filter turns it into something else. */
  private async answer(reply: FastifyReply): Promise<HealthCheckResult | string | object> {
    try {
      return await this.health.check(this.checks);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      void reply.status(503);
      return error.getResponse();
    }
  }
}
