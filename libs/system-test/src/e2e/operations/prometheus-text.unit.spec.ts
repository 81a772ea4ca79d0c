import { parsePrometheusText, total } from './prometheus-text';

describe('parsePrometheusText', () => {
  const text = [
    '# HELP subledger_charges_total Charges',
    '# TYPE subledger_charges_total counter',
    'subledger_charges_total{outcome="accepted",reason="",service="ledger"} 3',
    'subledger_charges_total{outcome="refused",reason="credit_limit_exceeded",service="ledger"} 2',
    'process_cpu_seconds_total 1.5e-3',
    'odd_label{path="a \\"quoted\\" \\\\ value"} 1 1700000000000',
    '',
  ].join('\n');

  it('reads names, labels (escapes included) and values, skipping comments', () => {
    expect(parsePrometheusText(text)).toEqual([
      { name: 'subledger_charges_total', labels: { outcome: 'accepted', reason: '', service: 'ledger' }, value: 3 },
      {
        name: 'subledger_charges_total',
        labels: { outcome: 'refused', reason: 'credit_limit_exceeded', service: 'ledger' },
        value: 2,
      },
      { name: 'process_cpu_seconds_total', labels: {}, value: 0.0015 },
      { name: 'odd_label', labels: { path: 'a "quoted" \\ value' }, value: 1 },
    ]);
  });

  it('sums the samples whose labels include the ones asked for', () => {
    const samples = parsePrometheusText(text);
    expect(total(samples, 'subledger_charges_total')).toBe(5);
    expect(total(samples, 'subledger_charges_total', { outcome: 'refused' })).toBe(2);
    expect(total(samples, 'subledger_charges_total', { outcome: 'nothing' })).toBe(0);
  });

  it('refuses a line that is not a sample', () => {
    expect(() => parsePrometheusText('not a sample at all')).toThrow('not a Prometheus sample');
  });
});
