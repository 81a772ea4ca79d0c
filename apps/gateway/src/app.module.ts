import { Module } from '@nestjs/common';
import { HealthModule, structuredLoggerModule, validatedConfigModule } from '@subledger/platform';
import { gatewayConfigSchema } from './config/gateway.config';

@Module({
  imports: [
    validatedConfigModule(gatewayConfigSchema),
    structuredLoggerModule('gateway'),
    HealthModule.forRoot({ useFactory: () => [] }),
  ],
})
export class GatewayAppModule {}
