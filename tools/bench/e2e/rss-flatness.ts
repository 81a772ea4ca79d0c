export interface RssPoint {
  atSeconds: number;
  rssMb: number;
}

export interface RssFlatness {
  firstMb: number;
  lastMb: number;
  maxMb: number;
  /** RSS at the first sample at or after the warm-up: the reference of the flatness check. */
  referenceMb: number;
  maxAfterWarmupMb: number;
  /** Whether every sample after the warm-up stayed within `tolerance` (0.1: 10 %) above the reference. */
  flat: boolean;
}

export function rssFlatness(points: readonly RssPoint[], warmupSeconds: number, tolerance = 0.1): RssFlatness {
  if (points.length === 0) throw new Error('no RSS samples');
  const afterWarmup = points.filter((point) => point.atSeconds >= warmupSeconds);
  const settled = afterWarmup.length > 0 ? afterWarmup : points.slice(-1);
  const referenceMb = settled[0].rssMb;
  const maxAfterWarmupMb = Math.max(...settled.map((point) => point.rssMb));
  return {
    firstMb: points[0].rssMb,
    lastMb: points[points.length - 1].rssMb,
    maxMb: Math.max(...points.map((point) => point.rssMb)),
    referenceMb,
    maxAfterWarmupMb,
    flat: maxAfterWarmupMb <= referenceMb * (1 + tolerance),
  };
}
