import { unusualLines } from './service-logs';

describe('unusualLines', () => {
  it('keeps warnings, errors and lines that are not JSON logs; drops info and debug lines', () => {
    const output = [
      '{"level":30,"msg":"request completed"}',
      '{"level":40,"msg":"slow batch"}',
      '{"level":50,"msg":"handler failed"}',
      '',
      'TypeError: x is undefined',
      '    at handle (main.js:1:1)',
      '{"level":20,"msg":"debug"}',
      '{"broken json',
    ].join('\n');
    expect(unusualLines(output)).toEqual([
      '{"level":40,"msg":"slow batch"}',
      '{"level":50,"msg":"handler failed"}',
      'TypeError: x is undefined',
      '    at handle (main.js:1:1)',
      '{"broken json',
    ]);
  });
});
