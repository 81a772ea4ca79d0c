import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import type { Socket } from 'node:net';

/**
 * The broker must never outlive the test run, however the run ends. It is therefore started by a
 * small shell that holds the read end of a pipe whose write end only this Node process holds: when
 * Node exits for any reason (tests done, Ctrl-C, even SIGKILL) the pipe closes, `read` returns and
 * the shell stops the broker, SIGTERM first and SIGKILL ten seconds later. No polling of pids, so
 * no risk of signalling a recycled one. The same EOF is how `stop()` asks for a graceful shutdown.
 * The shell leads its own process group, so a last-resort SIGKILL reaches the broker as well.
 * Once the broker is gone the shell deletes its work folder, which 'exit' hooks cannot do after a signal.
 */
const watchdogScript = `
exec 3<&0
"$@" </dev/null &
child=$!
( read -r _ <&3
  kill -TERM "$child" 2>/dev/null
  i=0
  while kill -0 "$child" 2>/dev/null && [ "$i" -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
  kill -KILL "$child" 2>/dev/null
) >/dev/null 2>&1 &
watcher=$!
wait "$child"
status=$?
kill "$watcher" 2>/dev/null
[ -n "$WATCHDOG_REMOVE_DIR" ] && rm -rf "$WATCHDOG_REMOVE_DIR"
exit "$status"
`;

const outputLimit = 16_000;

export class WatchedProcess {
  private readonly child: ChildProcessWithoutNullStreams;
  private recentOutput = '';
  private exitStatus: number | null | undefined;
  private readonly exitedPromise: Promise<void>;
  private readonly killOnExit = (): void => this.killNow();

  /** `removeDir`, if given, is deleted once the command has exited, however it ended. */
  constructor(command: string, args: string[], removeDir?: string) {
    this.child = spawn('sh', ['-c', watchdogScript, 'kafka-watchdog', command, ...args], {
      detached: true,
      env: { ...process.env, WATCHDOG_REMOVE_DIR: removeDir ?? '' },
    });
    this.exitedPromise = new Promise((resolve) => {
      this.child.on('exit', (code, signal) => {
        this.exitStatus = code ?? (signal ? -1 : null);
        process.off('exit', this.killOnExit);
        resolve();
      });
    });
    const collect = (chunk: Buffer): void => {
      this.recentOutput = (this.recentOutput + chunk.toString()).slice(-outputLimit);
    };
    this.child.stdout.on('data', collect);
    this.child.stderr.on('data', collect);
    // A handle left behind must not keep Jest alive; the exit hook and the watchdog clean up.
    this.child.unref();
    for (const stream of [this.child.stdin, this.child.stdout, this.child.stderr])
      (stream as unknown as Socket).unref();
    process.on('exit', this.killOnExit);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  hasExited(): boolean {
    return this.exitStatus !== undefined;
  }

  exitCode(): number | null | undefined {
    return this.exitStatus;
  }

  output(): string {
    return this.recentOutput;
  }

  /** Graceful stop through the watchdog, then SIGKILL of the whole group after the deadline. */
  async stop(timeoutMs: number): Promise<void> {
    if (this.hasExited()) return;
    this.child.stdin.end();
    if (await this.exitsWithin(timeoutMs)) return;
    this.killNow();
    await this.exitedPromise;
  }

  /**
   * SIGKILL of the whole group (the shell dies too, so it deletes nothing); resolves once every
   * process of the group is gone: the shell is reported first, while the kernel may still be
   * tearing the broker down with its sockets open.
   */
  async kill(): Promise<void> {
    const group = this.child.pid;
    this.killNow();
    await this.exitedPromise;
    if (group === undefined) return;
    for (const deadline = Date.now() + 10_000; Date.now() < deadline;) {
      try {
        process.kill(-group, 0);
      } catch {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`process group ${group} still alive 10 s after SIGKILL`);
  }

  /** Synchronous, for `process.on('exit')`, where nothing asynchronous runs any more. */
  killNow(): void {
    if (this.hasExited() || this.child.pid === undefined) return;
    try {
      process.kill(-this.child.pid, 'SIGKILL');
    } catch {
      // The group is already gone.
    }
  }

  private async exitsWithin(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const exited = await Promise.race([this.exitedPromise.then(() => true as const), deadline]);
    clearTimeout(timer);
    return exited;
  }
}
