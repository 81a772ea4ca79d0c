import { type CpuProfile, profileFileOf, summarizeProfile } from './cpu-profile-summary';

const frame = (functionName: string, url: string) => ({ functionName, url });

describe('summarizeProfile', () => {
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame('(idle)', '') },
      { id: 2, callFrame: frame('transform', 'file:///repo/node_modules/class-validator/cjs/x.js') },
      { id: 3, callFrame: frame('decide', 'file:///repo/dist/libs/ledger/domain/src/decide.js') },
      { id: 4, callFrame: frame('wasm-function[12]', 'wasm://wasm/022a9842') },
      { id: 5, callFrame: frame('(garbage collector)', '') },
      { id: 6, callFrame: frame('emit', 'node:events') },
    ],
    startTime: 1_000,
    // Each sample is taken at the end of its delta: at 1,010, 1,020, ... 1,080.
    samples: [1, 2, 2, 3, 4, 5, 6, 1],
    timeDeltas: [10, 10, 10, 10, 10, 10, 10, 10],
  };

  it('counts only the samples in the window, busy as all but idle, self time by where the code lives', () => {
    expect(summarizeProfile(profile, 1_015, 1_070)).toEqual({
      sampledMs: 0,
      busyPercent: 100,
      top: [
        { name: 'class-validator', percent: 33.3 },
        { name: 'libs/ledger/domain', percent: 16.7 },
        { name: 'PGlite WebAssembly', percent: 16.7 },
        { name: '(garbage collector)', percent: 16.7 },
        { name: 'node:', percent: 16.7 },
      ],
    });
  });

  it('reports idle time as the rest of busy, and keeps the top entries asked for', () => {
    const summary = summarizeProfile(profile, 0, 10_000, 1);
    expect(summary.busyPercent).toBe(75);
    expect(summary.top).toEqual([{ name: 'class-validator', percent: 25 }]);
  });
});

describe('profileFileOf', () => {
  it('reads the process and the thread from the name node gives a profile, and nothing from other files', () => {
    expect(profileFileOf('CPU.20261205.194800.8403.1.002.cpuprofile')).toEqual({ pid: 8403, thread: 1 });
    expect(profileFileOf('notes.txt')).toBeNull();
  });
});
