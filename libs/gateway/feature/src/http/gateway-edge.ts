import type { HttpEdge } from '@subledger/platform';
import { configureGatewayApp } from './configure-gateway-app';
import { gatewayServerOptions } from './gateway-server-options';

/** What an app serving the gateway hands to bootstrapHttp. */
export const gatewayHttpEdge: HttpEdge = { serverOptions: gatewayServerOptions, configure: configureGatewayApp };
