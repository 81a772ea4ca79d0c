import type { OperatorStores } from './open-stores';

/** What a command runs with: the stores, the interruption signal, and output that respects back-pressure. */
export interface CliContext {
  readonly stores: OperatorStores;
  /** Aborted by Ctrl-C (SIGINT) or SIGTERM. */
  readonly signal: AbortSignal;
  /** Writes to stdout; resolves once the stream takes more. */
  out(text: string): Promise<void>;
  err(text: string): void;
}
