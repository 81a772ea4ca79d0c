import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { requireMaven } from './required-tools';
import { runCommand } from './run-command';

export const kafkaVersion = '3.9.1';
const markerFile = '.complete.json';

/**
 * Where the broker's jars are cached: SUBLEDGER_KAFKA_JARS if set, else `.cache/kafka-<version>` at
 * the repository root (git-ignored).
 */
export function defaultJarsDir(): string {
  return process.env.SUBLEDGER_KAFKA_JARS ?? path.join(repositoryRoot(), '.cache', `kafka-${kafkaVersion}`);
}

/**
 * Makes sure `dir` holds every jar of the broker, fetching them with Maven only when the folder is
 * missing or incomplete. Jars land in a private folder first and are renamed into place, so a run
 * that is interrupted, or a second run fetching at the same time, never leaves a half-filled cache.
 */
export async function ensureKafkaJars(dir: string): Promise<void> {
  if (isComplete(dir)) return;
  const mvn = requireMaven();
  const staging = `${dir}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(path.dirname(dir), { recursive: true });
  try {
    await runMaven(mvn, staging);
    const jars = readdirSync(staging).filter((name) => name.endsWith('.jar'));
    writeFileSync(path.join(staging, markerFile), JSON.stringify({ kafkaVersion, jars }, null, 2));
    if (isComplete(dir)) return;
    rmSync(dir, { recursive: true, force: true });
    renameSync(staging, dir);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function isComplete(dir: string): boolean {
  const marker = path.join(dir, markerFile);
  if (!existsSync(marker)) return false;
  try {
    const { jars } = JSON.parse(readFileSync(marker, 'utf8')) as { jars: string[] };
    return jars.length > 0 && jars.every((jar) => existsSync(path.join(dir, jar)));
  } catch {
    return false;
  }
}

function runMaven(mvn: string, outputDir: string): Promise<void> {
  const pom = path.join(__dirname, 'pom.xml');
  const goal = ['dependency:copy-dependencies', `-DoutputDirectory=${outputDir}`, '-DincludeScope=runtime'];
  return runCommand(mvn, ['-q', '-B', '-f', pom, ...goal], 'Maven could not fetch the Kafka jars');
}

function repositoryRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'nx.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No nx.json above ${__dirname}: cannot locate the repository root`);
    dir = parent;
  }
  return dir;
}
