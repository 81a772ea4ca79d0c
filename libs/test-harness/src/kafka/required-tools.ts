import { spawnSync } from 'node:child_process';
import path from 'node:path';

const installHint =
  'The integration tests run a real Kafka broker from Maven Central jars, which needs a JDK 17 ' +
  '(`java` on PATH or JAVA_HOME, e.g. `apt-get install openjdk-17-jdk-headless`) and Apache Maven ' +
  '(`mvn` on PATH, e.g. `apt-get install maven`). Alternatively set KAFKA_BROKERS to a running broker.';

/** The java executable to run the broker with: JAVA_HOME's if set, else the one on PATH. */
export function requireJava(): string {
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  requireTool(java, ['-version'], 'java');
  return java;
}

/** Maven is needed only to fill the jar cache, so it is checked only then. */
export function requireMaven(): string {
  requireTool('mvn', ['-v'], 'mvn');
  return 'mvn';
}

function requireTool(command: string, versionArgs: string[], name: string): void {
  const probe = spawnSync(command, versionArgs, { stdio: 'ignore', timeout: 30_000 });
  if (probe.error || probe.status !== 0) {
    const cause = probe.error ? probe.error.message : `exit status ${probe.status}`;
    throw new Error(`Cannot run \`${name}\` (${cause}). ${installHint}`);
  }
}
