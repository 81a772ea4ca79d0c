import { barChart } from './chart.js';
import { el, fill } from './dom.js';
import { clockText, refusalReasons } from './format.js';
import type { Activity } from './types.js';
import type { View, ViewContext } from './view.js';

/** The whole system over the last hour: charges accepted and refused per minute, and how far each reader trails. */
export class SystemView implements View {
  constructor(private readonly context: ViewContext) {
    fill(context.root, el('p', { class: 'loading' }, 'Loading activity…'));
  }

  async refresh(): Promise<void> {
    const activity = await this.context.api.activity(60);
    const labels = activity.minutes.map((minute) => clockText(minute.start));
    const reasons = refusalReasons(activity.minutes);
    const accepted = activity.minutes.reduce((sum, minute) => sum + minute.accepted, 0);
    const refused = activity.minutes.reduce(
      (sum, minute) => sum + Object.values(minute.refused).reduce((total, count) => total + count, 0),
      0,
    );
    const acceptedChart = barChart({
      title: 'Charges accepted per minute',
      labels,
      labelEvery: 10,
      series: [
        { name: 'accepted', className: 'series-accepted', values: activity.minutes.map((minute) => minute.accepted) },
      ],
    });
    const refusedChart = barChart({
      title: 'Charges refused per minute, by reason',
      labels,
      labelEvery: 10,
      series: reasons.map((reason, index) => ({
        name: reason,
        className: `series-refused-${index % 6}`,
        values: activity.minutes.map((minute) => minute.refused[reason] ?? 0),
      })),
    });
    const legend = el(
      'ul',
      { class: 'legend' },
      ...reasons.map((reason, index) =>
        el('li', {}, el('span', { class: `swatch series-refused-${index % 6}` }), reason),
      ),
    );
    fill(
      this.context.root,
      el('h2', {}, 'System, last hour (UTC minutes)'),
      el('p', { class: 'summary', 'data-field': 'accepted-total' }, `${accepted} charges accepted`),
      acceptedChart,
      el('p', { class: 'summary', 'data-field': 'refused-total' }, `${refused} charges refused`),
      refusedChart,
      reasons.length > 0 ? legend : null,
      el('h3', {}, 'Projections'),
      this.projections(activity),
      el('h3', {}, 'Kafka consumer lag'),
      this.kafka(activity),
    );
  }

  private projections(activity: Activity): HTMLTableElement {
    const head = el(
      'tr',
      {},
      el('th', {}, 'Projection'),
      el('th', {}, 'Projected to (global position)'),
      el('th', {}, 'Events behind'),
    );
    const rows = activity.projections.map((projection) =>
      el(
        'tr',
        { 'data-projection': projection.name },
        el('td', {}, projection.name),
        el('td', { class: 'count' }, projection.projectedTo),
        el('td', { class: 'count' }, projection.lagEvents),
      ),
    );
    return el('table', { class: 'projections' }, el('thead', {}, head), el('tbody', {}, ...rows));
  }

  private kafka(activity: Activity): HTMLElement {
    if (activity.kafka === null) return el('p', { class: 'muted', 'data-field': 'kafka' }, 'Embedded mode: no Kafka.');
    const head = el('tr', {}, ...['Group', 'Topic', 'Partition', 'Lag'].map((title) => el('th', {}, title)));
    const rows = activity.kafka.map((lag) =>
      el(
        'tr',
        {},
        el('td', {}, lag.group),
        el('td', {}, lag.topic),
        el('td', { class: 'count' }, lag.partition),
        el('td', { class: 'count' }, lag.lag),
      ),
    );
    return el('table', { class: 'kafka', 'data-field': 'kafka' }, el('thead', {}, head), el('tbody', {}, ...rows));
  }
}
