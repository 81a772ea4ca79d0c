import 'reflect-metadata';
import { ConfigService } from '@nestjs/config';
import { bootstrapHttp, loadOrCreateAdminToken } from '@subledger/platform';
import { startBanner } from './banner';
import { embeddedConfigSchema } from './config/embedded.config';
import { EmbeddedModule } from './embedded.module';

async function main(): Promise<void> {
  const { app, url } = await bootstrapHttp(EmbeddedModule, embeddedConfigSchema);
  const config = app.get(ConfigService);
  const dataDir = config.getOrThrow<string>('DATA_DIR');
  const { token, generated } = loadOrCreateAdminToken(dataDir, config.get<string>('ADMIN_TOKEN'));
  process.stdout.write(`${startBanner(url, token, generated, dataDir)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`subledger failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
