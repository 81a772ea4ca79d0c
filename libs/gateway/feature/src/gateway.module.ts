import { type DynamicModule, Module } from '@nestjs/common';
import { GatewayRoutesModule } from './gateway-routes.module';
import { OpsPageModule } from './ops-page/ops-page.module';
import { GatewayHttpModule, type GatewayModuleAsyncOptions } from './http/gateway-http.module';
import type { GatewayOptions } from './shared/gateway-options';

/**
 * The public HTTP API: the edge mechanics (GatewayHttpModule: auth, rate limits, idempotency,
 * validation, errors) and the routes. The app is created on Fastify with gatewayServerOptions and
 * then calls `configureGatewayApp(app)`, for the body reader and the OpenAPI document (bootstrapHttp
 * does both with gatewayHttpEdge).
 */
@Module({})
export class GatewayModule {
  static forRoot(options: GatewayOptions): DynamicModule {
    return { module: GatewayModule, imports: [GatewayHttpModule.forRoot(options), GatewayRoutesModule, OpsPageModule] };
  }

  static forRootAsync(options: GatewayModuleAsyncOptions): DynamicModule {
    return {
      module: GatewayModule,
      imports: [GatewayHttpModule.forRootAsync(options), GatewayRoutesModule, OpsPageModule],
    };
  }
}
