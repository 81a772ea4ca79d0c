import { spawn } from 'node:child_process';

/** Runs a command to completion; a non-zero exit rejects with the end of its output. */
export function runCommand(command: string, args: string[], failureMessage: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer): void => {
      output = (output + chunk.toString()).slice(-8_000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${failureMessage} (exit ${code}):\n${output}`)),
    );
  });
}
