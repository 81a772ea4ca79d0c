import './tracing';
import 'reflect-metadata';
import { gatewayHttpEdge } from '@subledger/gateway-feature';
import { runMain } from '@subledger/platform';
import { GatewayAppModule } from './app.module';
import { gatewayConfigSchema } from './config/gateway.config';

runMain('gateway', GatewayAppModule, gatewayConfigSchema, gatewayHttpEdge);
