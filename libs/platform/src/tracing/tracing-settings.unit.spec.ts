import { tracingDefaults, tracingWanted } from './tracing-settings';

describe('tracingWanted', () => {
  it('is off without OTEL_TRACES_EXPORTER, whatever else is set', () => {
    expect(tracingWanted({})).toBe(false);
    expect(tracingWanted({ OTEL_SERVICE_NAME: 'x', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(false);
    expect(tracingWanted({ OTEL_TRACES_EXPORTER: ' ' })).toBe(false);
  });

  it('is on when an exporter is named, alone or among several', () => {
    expect(tracingWanted({ OTEL_TRACES_EXPORTER: 'otlp' })).toBe(true);
    expect(tracingWanted({ OTEL_TRACES_EXPORTER: 'console' })).toBe(true);
    expect(tracingWanted({ OTEL_TRACES_EXPORTER: 'otlp, console' })).toBe(true);
  });

  it('is off for none, and when the SDK is disabled', () => {
    expect(tracingWanted({ OTEL_TRACES_EXPORTER: 'none' })).toBe(false);
    expect(tracingWanted({ OTEL_TRACES_EXPORTER: 'otlp,none' })).toBe(false);
    expect(tracingWanted({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_SDK_DISABLED: 'true' })).toBe(false);
    expect(tracingWanted({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_SDK_DISABLED: 'false' })).toBe(true);
  });
});

describe('tracingDefaults', () => {
  it("names the service and keeps OpenTelemetry's metrics and logs off unless set", () => {
    expect(tracingDefaults({}, 'subledger-ledger')).toEqual({
      OTEL_SERVICE_NAME: 'subledger-ledger',
      OTEL_METRICS_EXPORTER: 'none',
      OTEL_LOGS_EXPORTER: 'none',
    });
    expect(
      tracingDefaults(
        { OTEL_SERVICE_NAME: 'ledger-eu', OTEL_METRICS_EXPORTER: 'otlp', OTEL_LOGS_EXPORTER: 'console' },
        'subledger-ledger',
      ),
    ).toEqual({});
  });
});
