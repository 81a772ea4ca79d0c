import { parseBenchOptions } from './bench-options';

describe('parseBenchOptions', () => {
  it('defaults to every mode, floor first, 15 s runs at 1, 8 and 64 connections and a hot run at 64', () => {
    expect(parseBenchOptions([])).toMatchObject({
      modes: ['floor', 'embedded', 'distributed'],
      seconds: 15,
      connections: [1, 8, 64],
      hotConnections: 64,
      soak: null,
      profile: false,
    });
    expect(parseBenchOptions(['--profile']).profile).toBe(true);
  });

  it('reads lists and the soak settings', () => {
    const options = parseBenchOptions([
      '--modes',
      'distributed,floor',
      '--duration',
      '5',
      '--connections',
      '2,4',
      '--soak',
      '--soak-rate',
      '300',
    ]);
    expect(options).toMatchObject({ modes: ['floor', 'distributed'], seconds: 5, connections: [2, 4] });
    expect(options.soak).toEqual({ minutes: 10, rate: 300, connections: 64, warmupSeconds: 60, sampleSeconds: 15 });
  });

  it('refuses an unknown mode or a count that is not a whole number', () => {
    expect(() => parseBenchOptions(['--modes', 'cluster'])).toThrow('unknown mode cluster');
    expect(() => parseBenchOptions(['--duration', '1.5'])).toThrow('--duration must be a whole number');
  });
});
