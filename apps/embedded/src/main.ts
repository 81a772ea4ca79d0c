import './tracing';
import 'reflect-metadata';
import { gatewayHttpEdge } from '@subledger/gateway-feature';
import { bootstrapHttp, loadOrCreateAdminToken, validateEnvironment } from '@subledger/platform';
import { startBanner } from './banner';
import { type EmbeddedConfig, embeddedConfigSchema } from './config/embedded.config';
import { EmbeddedModule } from './embedded.module';

async function main(): Promise<void> {
  // The operator token exists before the app does, so the banner can tell whether it was just made.
  const env = validateEnvironment<EmbeddedConfig>(embeddedConfigSchema, process.env);
  const { token, source } = loadOrCreateAdminToken(env.DATA_DIR, env.ADMIN_TOKEN);
  const { url } = await bootstrapHttp('subledger', EmbeddedModule, embeddedConfigSchema, gatewayHttpEdge);
  process.stdout.write(`${startBanner(url, token, source, env.DATA_DIR)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`subledger failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
