import { DynamicModule, Module, type FactoryProvider, type ModuleMetadata } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { HEALTH_CHECKS, type HealthCheck } from './health-checks';

export interface HealthChecksFactory {
  imports?: ModuleMetadata['imports'];
  inject?: FactoryProvider['inject'];
  useFactory: (...deps: never[]) => HealthCheck[];
}

/**
 * `GET /health`: 200 when every check the app contributes is up, 503 otherwise.
 * Each app decides what "healthy" means by the checks it passes in.
 */
@Module({})
export class HealthModule {
  static forRoot(checks: HealthChecksFactory): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ logger: false }), ...(checks.imports ?? [])],
      controllers: [HealthController],
      providers: [{ provide: HEALTH_CHECKS, inject: checks.inject ?? [], useFactory: checks.useFactory }],
    };
  }
}
