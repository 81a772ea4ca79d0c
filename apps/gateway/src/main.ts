import 'reflect-metadata';
import { runMain } from '@subledger/platform';
import { GatewayAppModule } from './app.module';
import { gatewayConfigSchema } from './config/gateway.config';

runMain('gateway', GatewayAppModule, gatewayConfigSchema);
