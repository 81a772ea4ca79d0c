import { rssFlatness } from './rss-flatness';

const points = (...rss: number[]) => rss.map((rssMb, index) => ({ atSeconds: index * 15, rssMb }));

describe('rssFlatness', () => {
  it('takes the first sample after the warm-up as the reference and allows 10 % above it', () => {
    expect(rssFlatness(points(100, 300, 400, 420, 440, 380), 30)).toEqual({
      firstMb: 100,
      lastMb: 380,
      maxMb: 440,
      referenceMb: 400,
      maxAfterWarmupMb: 440,
      flat: true,
    });
  });

  it('flags growth past 10 % after the warm-up', () => {
    expect(rssFlatness(points(100, 400, 420, 450), 15).flat).toBe(false);
  });
});
