/**
 * Whether this process traces: only when OTEL_TRACES_EXPORTER names an exporter (`otlp`,
 * `console`, `zipkin`, or several, comma-separated) and OTEL_SDK_DISABLED is not `true`. Unlike the
 * SDK's own default (`otlp` when unset), unset means off, so that a process started without
 * OpenTelemetry settings loads none of it. docs/deployment.md, "Tracing".
 */
export function tracingWanted(env: NodeJS.ProcessEnv): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return false;
  const exporters = (env.OTEL_TRACES_EXPORTER ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '' && name !== 'null');
  return exporters.length > 0 && !exporters.includes('none');
}

/**
 * The environment the SDK is started with: the service's name unless OTEL_SERVICE_NAME gives
 * one, and no OpenTelemetry metrics or logs unless asked for (metrics are Prometheus' business,
 * docs/deployment.md "Metrics"; logs go to stdout), where the SDK's default would be to push both
 * over OTLP.
 */
export function tracingDefaults(env: NodeJS.ProcessEnv, serviceName: string): Record<string, string> {
  const defaults: Record<string, string> = {};
  if (!env.OTEL_SERVICE_NAME) defaults.OTEL_SERVICE_NAME = serviceName;
  if (!env.OTEL_METRICS_EXPORTER) defaults.OTEL_METRICS_EXPORTER = 'none';
  if (!env.OTEL_LOGS_EXPORTER) defaults.OTEL_LOGS_EXPORTER = 'none';
  return defaults;
}
