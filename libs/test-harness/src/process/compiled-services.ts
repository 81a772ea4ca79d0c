import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from '../kafka/run-command';

/**
 * Services run from their compiled JavaScript, as `npm start` runs them. A test names a source
 * entry (`apps/gateway/src/main.ts`); this is the file the build made of it.
 */
export function compiledEntryOf(sourceEntry: string): string {
  const compiled = join('dist', sourceEntry.replace(/\.ts$/, '.js'));
  if (!existsSync(compiled))
    throw new Error(
      `${compiled} is missing: run \`npm run build\` (the test setup does) before starting ${sourceEntry}`,
    );
  return compiled;
}

/** Builds every app once per test run (one after the other: every build writes all of dist/libs). */
export function buildServices(): Promise<void> {
  return runCommand('npx', ['nx', 'run-many', '-t', 'build', '--outputStyle=static'], 'Building the services failed');
}
