import { KeyUsageGroup } from './key-usage-group';

describe('a group of key usage reports', () => {
  it('writes every use of every report, and answers each report the number of its keys found in its own team', () => {
    const group = new KeyUsageGroup();
    const first = group.add('team-1', [
      { keyId: 'k1', at: 5 },
      { keyId: 'k1', at: 7 },
      { keyId: 'k2', at: 5 },
    ]);
    const second = group.add('team-2', [{ keyId: 'k1', at: 9 }]);
    const empty = group.add('team-1', []);

    expect(group.all()).toEqual([
      { teamId: 'team-1', keyId: 'k1', at: 5 },
      { teamId: 'team-1', keyId: 'k1', at: 7 },
      { teamId: 'team-1', keyId: 'k2', at: 5 },
      { teamId: 'team-2', keyId: 'k1', at: 9 },
    ]);
    group.written([{ teamId: 'team-1', keyId: 'k1' }]);
    expect([first(), second(), empty()]).toEqual([1, 0, 0]);
  });
});
