import { Module } from '@nestjs/common';
import { GATEWAY_OPTIONS, type GatewayOptions } from '../shared/gateway-options';
import { OpsPageAssets } from './ops-page-assets';
import { OpsPageController } from './ops-page.controller';

/** Serves the built ops dashboard at /ops from GatewayOptions.opsDashboardDir. */
@Module({
  controllers: [OpsPageController],
  providers: [
    {
      provide: OpsPageAssets,
      inject: [GATEWAY_OPTIONS],
      useFactory: (options: GatewayOptions) => new OpsPageAssets(options.opsDashboardDir),
    },
  ],
})
export class OpsPageModule {}
