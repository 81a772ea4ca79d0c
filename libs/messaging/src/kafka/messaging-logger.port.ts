export type MessagingLogLevel = 'error' | 'warn' | 'info' | 'debug';

/** Where the messaging client's own logs go; each app passes its structured logger in. */
export interface MessagingLogger {
  error(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  info(message: string, context?: Record<string, unknown>): void;
  debug(message: string, context?: Record<string, unknown>): void;
}
