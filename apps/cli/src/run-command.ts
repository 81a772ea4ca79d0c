import { once } from 'node:events';
import { validateEnvironment } from '@subledger/platform/standalone';
import { type CliConfig, cliConfigSchema } from './cli-config';
import type { CliContext } from './cli-context';
import { openStores } from './open-stores';

/**
 * Runs one command: validated configuration, the stores opened (and closed whatever happens), Ctrl-C
 * and SIGTERM turned into the command's abort signal. Sets the exit code: the command's own, 2 for an
 * error, 130 when interrupted.
 */
export async function runCommand(work: (context: CliContext) => Promise<number>): Promise<void> {
  const controller = new AbortController();
  const interrupt = (): void => {
    if (controller.signal.aborted) return;
    process.stderr.write('\ninterrupted: stopping (the live tables stay as they are)\n');
    controller.abort();
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);
  try {
    const config = validateEnvironment<CliConfig>(cliConfigSchema, process.env);
    const stores = await openStores(config);
    try {
      process.exitCode = await work({
        stores,
        signal: controller.signal,
        out: async (text) => {
          if (text !== '' && !process.stdout.write(text)) await once(process.stdout, 'drain');
        },
        err: (text) => process.stderr.write(text),
      });
    } finally {
      await stores.close();
    }
  } catch (error) {
    if (controller.signal.aborted) {
      process.exitCode = 130;
      return;
    }
    process.stderr.write(`error: ${(error as Error).message}\n`);
    process.exitCode = 2;
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  }
}
