// Only the CLI's integration spec imports this file, and specs may use the test harness.
/* eslint-disable @nx/enforce-module-boundaries */
import { type ChildProcess, spawn } from 'node:child_process';
import { compiledEntryOf } from '@subledger/test-harness';

export interface CliRun {
  readonly child: ChildProcess;
  /** Resolves when `pattern` shows up on stderr. */
  waitForStderr(pattern: RegExp, timeoutMs?: number): Promise<void>;
  readonly done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** The compiled CLI, as the image runs it (`node dist/apps/cli/src/main.js ...`), with extra environment. */
export function startCli(args: readonly string[], env: Record<string, string>): CliRun {
  const child = spawn(process.execPath, [compiledEntryOf('apps/cli/src/main.ts'), ...args], {
    env: { ...process.env, NODE_OPTIONS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>(
    (resolve) => child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  const waitForStderr = async (pattern: RegExp, timeoutMs = 30_000): Promise<void> => {
    for (
      const deadline = Date.now() + timeoutMs;
      !pattern.test(stderr);
      await new Promise((resolve) => setTimeout(resolve, 20))
    ) {
      if (child.exitCode !== null || Date.now() > deadline)
        throw new Error(`no ${pattern} on stderr:\n${stderr}\nstdout:\n${stdout}`);
    }
  };
  return { child, waitForStderr, done };
}

export function runCli(args: readonly string[], env: Record<string, string>) {
  return startCli(args, env).done;
}
