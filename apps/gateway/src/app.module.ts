import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  type GatewayEnv,
  gatewayEnvSchema,
  gatewayMigrations,
  GatewayModule,
  gatewayOptionsFromEnv,
} from '@subledger/gateway-feature';
import { configValues, postgresServiceModules } from '@subledger/platform';
import { gatewayConfigSchema } from './config/gateway.config';

@Module({
  imports: [
    ...postgresServiceModules('gateway', gatewayConfigSchema, [gatewayMigrations]),
    GatewayModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) =>
        gatewayOptionsFromEnv(configValues<GatewayEnv>(config, gatewayEnvSchema), config.getOrThrow('ADMIN_TOKEN')),
    }),
  ],
})
export class GatewayAppModule {}
