import { barChart } from './chart.js';
import { el, fill } from './dom.js';
import { amountText, centsText, clockText, decimalOfMicros, limitUse, micros, timeText } from './format.js';
import type { LedgerEntry, TeamAccount, TeamDetails, Usage } from './types.js';
import type { View, ViewContext } from './view.js';

/** One team: balance, each account's spend against its limit, the last day's usage and the newest ledger entries. */
export class TeamView implements View {
  constructor(
    private readonly context: ViewContext,
    private readonly teamId: string,
  ) {
    fill(context.root, el('p', { class: 'loading' }, 'Loading team…'));
  }

  async refresh(): Promise<void> {
    const { api } = this.context;
    const [details, entries, usage] = await Promise.all([
      api.team(this.teamId),
      api.recentEntries(this.teamId),
      api.usage(this.teamId),
    ]);
    const currency = details.team.currency.toUpperCase();
    fill(
      this.context.root,
      el('p', {}, el('a', { href: '#/teams' }, '← All teams')),
      el('h2', { 'data-field': 'team-name' }, details.team.name),
      el('p', { class: 'id' }, details.team.id),
      el(
        'p',
        { class: 'balance' },
        'Balance ',
        el('strong', { 'data-field': 'balance' }, `${centsText(details.balance)} ${currency}`),
      ),
      el('h3', {}, 'Accounts'),
      this.accounts(details),
      el('h3', {}, 'Usage, last 24 hours (UTC hours)'),
      this.usage(usage),
      el('h3', {}, 'Recent ledger entries'),
      this.entries(entries.items),
    );
  }

  private accounts(details: TeamDetails): HTMLTableElement {
    const head = el(
      'tr',
      {},
      ...['Account', 'Kind', 'Status', 'Spent / limit', 'Keys', 'Metadata'].map((title) => el('th', {}, title)),
    );
    return el(
      'table',
      { class: 'accounts' },
      el('thead', {}, head),
      el('tbody', {}, ...details.accounts.map((account) => this.account(account))),
    );
  }

  private account(account: TeamAccount): HTMLTableRowElement {
    const use = limitUse(account.totalSpent, account.creditLimit);
    const limit = account.creditLimit === null ? 'no limit' : centsText(account.creditLimit);
    const fillBar = el('div', { class: 'limit-fill' });
    fillBar.style.width = `${use.widthPercent}%`; // through the CSSOM, which the page's CSP allows
    const bar = el(
      'div',
      { class: `limit-bar ${use.level}`, role: 'meter', 'aria-label': `${use.label} of the credit limit` },
      fillBar,
    );
    return el(
      'tr',
      { 'data-account-id': account.id, 'data-limit-level': use.level },
      el('td', { 'data-field': 'account-name' }, account.name, el('div', { class: 'id' }, account.id)),
      el('td', {}, account.kind),
      el('td', {}, account.status.replace('_', ' ')),
      el(
        'td',
        { class: 'spend' },
        el('span', { 'data-field': 'total-spent' }, centsText(account.totalSpent)),
        ` / ${limit} `,
        use.level === 'none' ? null : el('span', { class: 'percent' }, use.label),
        bar,
      ),
      el('td', { class: 'count' }, account.keys ?? '–'),
      el('td', { class: 'metadata' }, account.metadata === null ? '' : JSON.stringify(account.metadata)),
    );
  }

  private usage(usage: Usage): HTMLElement {
    const spend = usage.buckets.reduce((sum, bucket) => sum + micros(bucket.spend), 0n);
    const charges = usage.buckets.reduce((sum, bucket) => sum + bucket.charges, 0);
    const refusals = usage.buckets.reduce((sum, bucket) => sum + bucket.refusals, 0);
    const chart = barChart({
      title: 'Charges and refusals per hour',
      labels: usage.buckets.map((bucket) => clockText(bucket.start)),
      labelEvery: 3,
      series: [
        { name: 'charges', className: 'series-accepted', values: usage.buckets.map((bucket) => bucket.charges) },
        { name: 'refusals', className: 'series-refused-0', values: usage.buckets.map((bucket) => bucket.refusals) },
      ],
    });
    const summary = el(
      'p',
      { class: 'summary', 'data-field': 'usage-summary' },
      `${charges} charges, ${refusals} refusals, spend ${amountText(decimalOfMicros(spend))}`,
    );
    return el('div', { class: 'usage' }, summary, chart);
  }

  private entries(entries: readonly LedgerEntry[]): HTMLTableElement {
    const head = el(
      'tr',
      {},
      ...['Time', 'Event', 'Account', 'Amount', 'Balance after', 'Reason'].map((title) => el('th', {}, title)),
    );
    const rows = entries.map((entry) =>
      el(
        'tr',
        { 'data-position': entry.position },
        el('td', {}, timeText(entry.at)),
        el('td', {}, entry.type),
        el('td', { class: 'id' }, entry.accountId ?? ''),
        el('td', { class: 'amount' }, amountText(entry.amount)),
        el('td', { class: 'amount' }, amountText(entry.balanceAfter)),
        el('td', {}, entry.reason ?? ''),
      ),
    );
    return el('table', { class: 'entries' }, el('thead', {}, head), el('tbody', {}, ...rows));
  }
}
