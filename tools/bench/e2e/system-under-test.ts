import type { ServiceProcess } from '@subledger/test-harness';
import type { Mode } from './run-result';

/** A running system the benchmark drives: the floor, the embedded process, or the distributed stack. */
export interface SystemUnderTest {
  mode: Mode;
  /** Base URL of the HTTP API. */
  url: string;
  /** Operator token of `/admin/v1`; null for the floor, which has no API beyond the send. */
  adminToken: string | null;
  /** The processes whose RSS and CPU are measured, by name. */
  pids: Record<string, number>;
  versions: { postgres?: string; kafka?: string };
  /** Everything each service process printed so far, by name. */
  logs(): Record<string, string>;
  stop(): Promise<void>;
}

/**
 * Environment of the services under load: the rate limit raised so that nothing is throttled; the
 * log level and the delivery simulator at their documented defaults, written out so that a shell's
 * own settings cannot change what is measured (refunds of failed deliveries are part of the load).
 */
export const SERVICE_ENV: Record<string, string> = {
  RATE_LIMIT_PER_MINUTE: '1000000000',
  LOG_LEVEL: 'info',
  DELIVERY_FAILURE_RATE: '0.02',
  DELIVERY_STEP_DELAY_MS: '1000',
};

/** SIGTERM, then SIGKILL if the process has not ended after `graceMs`. */
export async function stopProcess(service: ServiceProcess, graceMs = 15_000): Promise<void> {
  const killer = setTimeout(() => service.child.kill('SIGKILL'), graceMs);
  await service.stop('SIGTERM');
  clearTimeout(killer);
}
