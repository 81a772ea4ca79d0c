import { type ChildProcess, spawn } from 'node:child_process';
import { compiledEntryOf } from './compiled-services';

export interface ServiceProcess {
  child: ChildProcess;
  /** Everything the process printed so far, stdout and stderr interleaved. */
  output(): string;
  /** Resolves with the first match of `pattern` in the output; rejects on exit or after `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** The exit code once the process has ended by itself (null when a signal ended it). */
  exited(): Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts an app the way `npm start` does, from the compiled form of its source entry
 * (`apps/embedded/src/main.ts`), with extra environment and, before the entry, extra options of
 * node itself (such as `--cpu-prof`, which NODE_OPTIONS does not take).
 */
export function startServiceProcess(
  entry: string,
  env: Record<string, string>,
  nodeArgs: readonly string[] = [],
): ServiceProcess {
  const child = spawn(process.execPath, [...nodeArgs, compiledEntryOf(entry)], {
    cwd: process.cwd(),
    env: { ...process.env, NODE_OPTIONS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let buffer = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.stdout?.on('data', (chunk: Buffer) => (buffer += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (buffer += chunk.toString()));

  const waitFor = (pattern: RegExp, timeoutMs = 30000) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const started = Date.now();
      const poll = setInterval(() => {
        const match = buffer.match(pattern);
        if (match) return settle(() => resolve(match));
        if (child.exitCode !== null)
          return settle(() => reject(new Error(`process exited (${child.exitCode}):\n${buffer}`)));
        if (Date.now() - started > timeoutMs)
          settle(() => reject(new Error(`timed out waiting for ${pattern}:\n${buffer}`)));
      }, 50);
      const settle = (done: () => void) => {
        clearInterval(poll);
        done();
      };
    });

  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null) child.kill(signal);
    return exited;
  };

  return { child, output: () => buffer, waitFor, exited: () => exited, stop };
}
