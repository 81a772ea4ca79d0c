import { svg } from './dom.js';

export interface BarSeries {
  readonly name: string;
  /** A CSS class giving the colour (see ops.css, `.series-*`). */
  readonly className: string;
  /** One value per column. */
  readonly values: readonly number[];
}

export interface BarChartOptions {
  readonly title: string;
  /** One label per column; every `labelEvery`-th is drawn under the axis. */
  readonly labels: readonly string[];
  readonly labelEvery: number;
  readonly series: readonly BarSeries[];
}

const WIDTH = 720;
const HEIGHT = 180;
const AXIS = 18;
const TOP = 14;

/**
 * Stacked columns, one per label, drawn in SVG from numbers only. The chart carries its total as
 * `data-total` and a <title> per column, so that people and tests can read what it shows.
 */
export function barChart(options: BarChartOptions): SVGElement {
  const columns = options.labels.length;
  const totals = options.labels.map((_, column) =>
    options.series.reduce((sum, series) => sum + (series.values[column] ?? 0), 0),
  );
  const top = Math.max(1, ...totals);
  const step = WIDTH / Math.max(1, columns);
  const plot = HEIGHT - AXIS - TOP;
  const chart = svg('svg', {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    role: 'img',
    'aria-label': options.title,
    class: 'chart',
    'data-total': totals.reduce((sum, value) => sum + value, 0),
  });
  chart.appendChild(svg('text', { x: 0, y: 10, class: 'chart-scale' }, `max ${top}`));
  chart.appendChild(svg('line', { x1: 0, y1: HEIGHT - AXIS, x2: WIDTH, y2: HEIGHT - AXIS, class: 'chart-axis' }));
  for (let column = 0; column < columns; column++) {
    let base = HEIGHT - AXIS;
    const parts = options.series.map((series) => `${series.name} ${series.values[column] ?? 0}`).join(', ');
    const group = svg('g', {}, svg('title', {}, `${options.labels[column]}: ${parts}`));
    for (const series of options.series) {
      const value = series.values[column] ?? 0;
      if (value <= 0) continue;
      const height = Math.max(1, (value / top) * plot);
      base -= height;
      group.appendChild(
        svg('rect', { x: column * step + 1, y: base, width: Math.max(1, step - 2), height, class: series.className }),
      );
    }
    chart.appendChild(group);
    if (column % options.labelEvery === 0) {
      chart.appendChild(svg('text', { x: column * step, y: HEIGHT - 4, class: 'chart-label' }, options.labels[column]));
    }
  }
  return chart;
}
