import {
  type DynamicModule,
  type InjectionToken,
  Module,
  type ModuleMetadata,
  type OptionalFactoryDependency,
} from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE, DiscoveryModule } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { ThrottlerModule } from '@nestjs/throttler';
import { CLOCK, ClockModule } from '@subledger/platform';
import { GatewayAuthGuard } from '../auth/gateway-auth.guard';
import { IdentityCache } from '../auth/identity-cache';
import { IdentityLookup } from '../auth/identity-lookup';
import { KeyUsageRecorder } from '../auth/key-usage.recorder';
import { GatewayExceptionFilter } from '../errors/gateway-exception.filter';
import { createGatewayValidationPipe } from '../errors/gateway-validation';
import { IdempotencyCleanup } from '../idempotency/idempotency-cleanup';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor';
import { IdempotencyStore } from '../idempotency/idempotency.store';
import { GatewayThrottlerGuard } from '../rate-limit/gateway-throttler.guard';
import { gatewayThrottlerOptions } from '../rate-limit/throttler-options';
import { GatewayMetrics } from '../metrics/gateway-metrics';
import { GATEWAY_OPTIONS, type GatewayOptions } from '../shared/gateway-options';
import { checkGatewayOptions } from './check-gateway-options';
import { UnexpectedBodyGuard } from './unexpected-body.guard';

export interface GatewayModuleAsyncOptions {
  imports?: ModuleMetadata['imports'];
  inject?: (InjectionToken | OptionalFactoryDependency)[];
  useFactory: (...args: never[]) => GatewayOptions | Promise<GatewayOptions>;
}

/** Holds GATEWAY_OPTIONS, so that the throttler's factory can read them too. */
@Module({})
class GatewayOptionsModule {}

/**
 * The gateway's edge mechanics, for every route of the app (global enhancers, in this order):
 * the auth guard (RequireAuth), then the rate-limit guard (per API key), the unexpected-body guard
 * (fields sent to a route that reads no body), the idempotency interceptor (every authenticated
 * POST), the validation pipe (every DTO) and the exception filter
 * (every error as `{ code, message, details }`). Global, so route modules inject GATEWAY_OPTIONS,
 * IdentityCache and KeyUsageRecorder without importing it. Needs EVENT_STORE (idempotency records)
 * and MESSAGE_BUS (identity lookups, key usage) from the app.
 */
@Module({})
export class GatewayHttpModule {
  static forRoot(options: GatewayOptions): DynamicModule {
    return GatewayHttpModule.forRootAsync({ useFactory: () => options });
  }

  static forRootAsync(async: GatewayModuleAsyncOptions): DynamicModule {
    const optionsModule: DynamicModule = {
      module: GatewayOptionsModule,
      imports: async.imports ?? [],
      providers: [
        {
          provide: GATEWAY_OPTIONS,
          inject: async.inject ?? [],
          useFactory: async (...args: never[]) => checkGatewayOptions(await async.useFactory(...args)),
        },
      ],
      exports: [GATEWAY_OPTIONS],
    };
    return {
      module: GatewayHttpModule,
      global: true,
      imports: [
        optionsModule,
        ClockModule,
        DiscoveryModule,
        ScheduleModule.forRoot(),
        ThrottlerModule.forRootAsync({
          imports: [optionsModule, ClockModule],
          inject: [GATEWAY_OPTIONS, CLOCK],
          useFactory: gatewayThrottlerOptions,
        }),
      ],
      providers: [
        IdentityLookup,
        IdentityCache,
        KeyUsageRecorder,
        IdempotencyStore,
        IdempotencyCleanup,
        GatewayMetrics,
        { provide: APP_GUARD, useClass: GatewayAuthGuard },
        { provide: APP_GUARD, useClass: GatewayThrottlerGuard },
        { provide: APP_GUARD, useClass: UnexpectedBodyGuard },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        { provide: APP_PIPE, useFactory: createGatewayValidationPipe },
        { provide: APP_FILTER, useClass: GatewayExceptionFilter },
      ],
      exports: [optionsModule, IdentityCache, KeyUsageRecorder],
    };
  }
}
